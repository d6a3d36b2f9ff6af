package io.inventdedup.invent;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
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
			MeterRegistry meterRegistry) {
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
		return new InventClient(webClient, rateLimiter(properties), jsonMapper, properties, meterRegistry);
	}

	/**
	 * A steady pace of {@code rate-limit-per-minute}, handed out as a few permits at a time
	 * (5 every 600 ms at 500 a minute) so that a short pause between two chunks is caught up at
	 * once, while no minute ever sees more than the limit.
	 */
	static RateLimiter rateLimiter(InventApiProperties properties) {
		int permits = Math.max(1, Math.round(properties.rateLimitPerMinute() / 100f));
		Duration period = Duration
			.ofNanos(Duration.ofMinutes(1).toNanos() * permits / properties.rateLimitPerMinute());
		RateLimiterConfig config = RateLimiterConfig.custom()
			.limitRefreshPeriod(period)
			.limitForPeriod(permits)
			.timeoutDuration(Duration.ofMinutes(10))
			.build();
		return RateLimiter.of("invent-api", config);
	}

	@Bean
	ContactLocator contactLocator(InventClient inventClient) {
		return new ContactLocator(inventClient);
	}

}
