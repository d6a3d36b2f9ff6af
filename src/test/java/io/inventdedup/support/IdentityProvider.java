package io.inventdedup.support;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect identity provider for the review's sign-in tests: Spring Authorization
 * Server (Boot's auto-configuration) on a free port of {@code localhost} (another host than the
 * review's {@code 127.0.0.1}, so that their session cookies stay apart), with its own sign-in form
 * and these people: {@code rita} (a reviewer), {@code vic} (a viewer), {@code nora} (neither). Their
 * groups travel in the ID token's {@code groups} claim. Not a {@code @Configuration}: no component
 * scan of the tests picks it up.
 */
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
		"org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
public class IdentityProvider {

	/** The review's client at this provider. */
	public static final String CLIENT_ID = "invent-dedup-review";

	public static final String CLIENT_SECRET = "review-secret-3b9d";

	public static final String PASSWORD = "correct horse battery staple";

	private static final String CLIENT = "review";

	private final ConfigurableApplicationContext context;

	private IdentityProvider(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts the provider on a free port. */
	public static IdentityProvider start() {
		SpringApplication application = new SpringApplication(IdentityProvider.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		return new IdentityProvider(application.run("--server.port=0", "--server.address=127.0.0.1",
				"--spring.flyway.enabled=false", "--spring.main.banner-mode=off"));
	}

	/** The issuer, as the review is configured with it. */
	public String issuer() {
		return "http://localhost:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** Lets the review at this address sign people in (its redirect URI is known once it listens). */
	public void allowReviewAt(String baseUrl) {
		this.context.getBean(RegisteredClientRepository.class).save(client(baseUrl + "/login/oauth2/code/idp"));
	}

	/** What the review needs to know of the provider: Spring Security's standard client properties. */
	public List<String> clientProperties() {
		return List.of("--spring.security.oauth2.client.registration.idp.client-id=" + CLIENT_ID,
				"--spring.security.oauth2.client.registration.idp.client-secret=" + CLIENT_SECRET,
				"--spring.security.oauth2.client.registration.idp.scope=openid,profile",
				"--spring.security.oauth2.client.provider.idp.issuer-uri=" + issuer());
	}

	public void stop() {
		this.context.close();
	}

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(
				User.withUsername("rita").password("{noop}" + PASSWORD).authorities("invent-dedup-reviewer").build(),
				User.withUsername("vic").password("{noop}" + PASSWORD).authorities("invent-dedup-viewer").build(),
				User.withUsername("nora").password("{noop}" + PASSWORD).authorities("sales").build());
	}

	@Bean
	RegisteredClientRepository clients() {
		return new InMemoryRegisteredClientRepository(client("http://127.0.0.1/not-yet-known"));
	}

	/** The person's groups in the ID token's {@code groups} claim. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> groupsInTheIdToken() {
		return (context) -> {
			if ("id_token".equals(context.getTokenType().getValue())) {
				Set<String> groups = context.getPrincipal()
					.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.filter((authority) -> !authority.startsWith("FACTOR_"))
					.collect(Collectors.toSet());
				context.getClaims().claim("groups", List.copyOf(groups));
			}
		};
	}

	private static RegisteredClient client(String redirectUri) {
		return RegisteredClient.withId(CLIENT)
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
	}

}
