package io.inventdedup.web;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Who may do what in the review: a {@code reviewer} decides, a {@code viewer} reads, anyone else gets
 * 403, and who is not signed in is sent to the identity provider (OpenID Connect), or, in local mode,
 * refused unless they came through the one-time link ({@link LocalSignIn}). Every state-changing
 * request is a POST with a CSRF token; the pages run nothing but the server's own script and style.
 */
@Configuration(proxyBeanMethods = false)
class ReviewSecurity {

	/** The same policy as the run's page: nothing but the server's own script and style, no frame, no other form target. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
			+ "img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final String REVIEWER = "REVIEWER";

	static final String VIEWER = "VIEWER";

	@Bean
	SecurityFilterChain reviewFilterChain(HttpSecurity http, @Value("${" + ReviewServer.LOCAL + ":false}") boolean local,
			ObjectProvider<ClientRegistrationRepository> registrations, ReviewProperties properties,
			@Value("${server.servlet.session.timeout:8h}") Duration sessionTimeout) throws Exception {
		CookieRequestCache requestCache = new CookieRequestCache();
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/sign-in")
			.permitAll()
			// Where refusals are rendered: it shows the status and its message, nothing of the audit.
			.requestMatchers("/error", "/signed-out")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/**")
			.hasRole(REVIEWER)
			.anyRequest()
			.hasAnyRole(REVIEWER, VIEWER))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(refusal(properties)))
			// A request not signed in gets no server-side session: the page to return to after signing in
			// is kept in a cookie, not in a session that each anonymous request would open for hours.
			.requestCache((cache) -> cache.requestCache(requestCache))
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionCsrfTokens())
				.csrfTokenRequestHandler(RequestChecks.tokenInHeaderOrBody()))
			.addFilterBefore(RequestChecks.sameOrigin(), CsrfFilter.class)
			// Signing out ends the session here; the identity provider's own session is its own.
			.logout((logout) -> logout.logoutSuccessUrl("/signed-out"));
		if (local) {
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, failure) -> {
				ReviewErrors.page(response, HttpServletResponse.SC_UNAUTHORIZED, "Not signed in (401)",
						"Open the sign-in link that --serve --local printed; it works once, start --serve --local again "
								+ "for a new one");
			}));
		}
		else {
			if (registrations.getIfAvailable() == null) {
				throw new NoIdentityProviderException();
			}
			// The redirect to the provider keeps its request in a session of minutes, not of the whole timeout.
			http.oauth2Login((login) -> login
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestRepository(new SignInSessions()))
				.successHandler(SignInSessions.signedIn(sessionTimeout, requestCache)));
		}
		return http.build();
	}

	/** The firewall's refusals carry the review's security headers too. */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return RequestChecks.rejected();
	}

	/**
	 * A refusal that says why and what to do, on the review's own page (the words escaped): a form
	 * without a valid CSRF token, a viewer's decision, or a person with neither role.
	 */
	private static AccessDeniedHandler refusal(ReviewProperties properties) {
		return (request, response, denied) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			String text;
			if (denied instanceof CsrfException) {
				text = "The form carried no valid CSRF token (the page is older than your session, or it came from "
						+ "another site): reload the page and decide again";
			}
			else if (authentication == null) {
				text = "Sign in first";
			}
			else if (Reviewer.hasRole(authentication, VIEWER)) {
				text = authentication.getName() + " may only read here (a viewer): deciding needs the group '"
						+ properties.reviewer() + "' in the claim '" + properties.rolesClaim() + "'";
			}
			else {
				text = authentication.getName() + " is signed in, but in neither the group '" + properties.reviewer()
						+ "' (decides) nor '" + properties.viewer() + "' (reads) of the claim '" + properties.rolesClaim()
						+ "': ask whoever runs the identity provider to add you to one";
			}
			ReviewErrors.page(response, HttpServletResponse.SC_FORBIDDEN, "Refused (403)", text);
		};
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
