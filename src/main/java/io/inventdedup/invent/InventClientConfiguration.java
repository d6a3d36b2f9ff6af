package io.inventdedup.invent;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

	/** The budget of requests this run shares with every run on the same {@code invent.api.budget}. */
	@Bean
	ApiBudget apiBudget(DataSource dataSource, InventApiProperties properties, MeterRegistry meterRegistry) {
		ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("dedup_api_budget")
			.idColumn("id")
			.stateColumn("state")
			.build();
		return new ApiBudget(buckets, properties.budget(), properties.rateLimitPerMinute(), meterRegistry);
	}

	@Bean
	ContactLocator contactLocator(InventClient inventClient) {
		return new ContactLocator(inventClient);
	}

}
