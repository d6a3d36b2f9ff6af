package io.inventdedup.invent;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The {@link InventClient}, on a {@link WebClient} built from Boot's builder. URI variables are
 * encoded as whole path segments: a contact id holding {@code /} or {@code ?} never reaches
 * another path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventApiProperties.class)
public class InventClientConfiguration {

	@Bean
	InventClient inventClient(WebClient.Builder builder, JsonMapper jsonMapper, InventApiProperties properties,
			ApiBudget apiBudget, MeterRegistry meterRegistry) {
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(properties.baseUrl().toString());
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.readTimeout());
		WebClient webClient = builder.clone()
			.uriBuilderFactory(uris)
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.defaultHeaders((headers) -> headers.setBearerAuth(properties.token()))
			.defaultHeader(HttpHeaders.ACCEPT, "application/json")
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxResponseSize().toBytes()))
			.build();
		return new InventClient(webClient, apiBudget, jsonMapper, properties, meterRegistry);
	}

	/**
	 * The budget of requests this run shares with every run on the same {@code invent.api.budget}. Its
	 * permits come through a small pool of their own on the job's database, whose waits are bounded by
	 * {@code invent.api.budget-timeout} (for a connection, then for each answer), so that a lost
	 * database stops the sending within seconds, not after the main pool's 30 s per permit.
	 */
	/**
	 * Connections of the budget's own pool: a permit holds one for a single round trip (the
	 * reservation; the wait for the budget holds none), and every permit of every run locks the same
	 * row, so more connections would only queue on that lock while using up the database's
	 * {@code max_connections} (100 by default), shared by every org's run.
	 */
	private static final int PERMIT_CONNECTIONS = 4;

	@Bean
	ApiBudget apiBudget(DataSourceProperties dataSource, InventApiProperties properties, MeterRegistry meterRegistry) {
		HikariDataSource permits = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		permits.setPoolName("invent-dedup-api-budget");
		permits.setMaximumPoolSize(PERMIT_CONNECTIONS);
		permits.setMinimumIdle(1);
		permits.setConnectionTimeout(Math.max(250, properties.budgetTimeout().toMillis()));
		permits.addDataSourceProperty("socketTimeout",
				String.valueOf(Math.max(1, (properties.budgetTimeout().toMillis() + 999) / 1000)));
		ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(permits)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("dedup_api_budget")
			.idColumn("id")
			.stateColumn("state")
			.build();
		return new ApiBudget(buckets, permits, properties.budget(), properties.rateLimitPerMinute(),
				properties.budgetTimeout(), meterRegistry);
	}

	@Bean
	ContactLocator contactLocator(InventClient inventClient) {
		return new ContactLocator(inventClient);
	}

}
