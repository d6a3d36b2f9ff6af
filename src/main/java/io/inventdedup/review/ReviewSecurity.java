package io.inventdedup.review;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may do what in the review: a {@code reviewer} decides, a {@code viewer} reads, anyone else gets
 * 403, and who is not signed in is sent to the identity provider (OpenID Connect), or, in local mode,
 * refused unless they came through the one-time link ({@link LocalSignIn}). Every state-changing
 * request is a POST with a CSRF token; the pages run nothing but the server's own script and style.
 */
@Configuration(proxyBeanMethods = false)
class ReviewSecurity {

	/** The same policy as the run's page: nothing but the server's own script and style, no frame, no other form target. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String REVIEWER = "REVIEWER";

	static final String VIEWER = "VIEWER";

	@Bean
	SecurityFilterChain reviewFilterChain(HttpSecurity http, @Value("${" + ReviewServer.LOCAL + ":false}") boolean local,
			ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/sign-in")
			.permitAll()
			// Where refusals are rendered: it shows the status and its message, nothing of the audit.
			.requestMatchers("/error")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/**")
			.hasRole(REVIEWER)
			.anyRequest()
			.hasAnyRole(REVIEWER, VIEWER))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		if (local) {
			http.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		}
		else {
			if (registrations.getIfAvailable() == null) {
				throw new IllegalStateException("--serve signs people in with OpenID Connect, and no identity provider "
						+ "is configured: set spring.security.oauth2.client.registration.<id>.client-id, client-secret, "
						+ "scope=openid and spring.security.oauth2.client.provider.<id>.issuer-uri (README, \"Review in a "
						+ "browser\"), or run --serve --local on your own machine");
			}
			http.oauth2Login(Customizer.withDefaults());
		}
		return http.build();
	}

	/**
	 * The roles of a person signed in with OpenID Connect, from a claim of their ID token or user info
	 * ({@code invent-dedup.review.roles-claim}, a list or one string): a reviewer is also a viewer.
	 */
	@Bean
	GrantedAuthoritiesMapper reviewRoles(ReviewProperties properties) {
		return (authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				Object claim = null;
				if (authority instanceof OidcUserAuthority oidc) {
					claim = oidc.getIdToken().getClaims().get(properties.rolesClaim());
					if (claim == null && oidc.getUserInfo() != null) {
						claim = oidc.getUserInfo().getClaims().get(properties.rolesClaim());
					}
				}
				else if (authority instanceof OAuth2UserAuthority user) {
					claim = user.getAttributes().get(properties.rolesClaim());
				}
				Collection<?> values = (claim instanceof Collection<?> list) ? list
						: (claim != null) ? List.of(claim) : List.of();
				if (values.contains(properties.reviewer())) {
					mapped.add(new SimpleGrantedAuthority("ROLE_" + REVIEWER));
					mapped.add(new SimpleGrantedAuthority("ROLE_" + VIEWER));
				}
				if (values.contains(properties.viewer())) {
					mapped.add(new SimpleGrantedAuthority("ROLE_" + VIEWER));
				}
			}
			return mapped;
		};
	}

}
