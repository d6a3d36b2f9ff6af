package io.inventdedup.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * The sessions of a sign-in through the identity provider: the redirect to the provider keeps its
 * authorization request in a session, as Spring Security does, but one that lives
 * {@value #SIGN_IN_MINUTES} minutes (an anonymous visit to {@code /oauth2/authorization/...} would
 * otherwise leave a session of {@code server.servlet.session.timeout}, 8 hours); the person signed
 * in then gets the whole timeout.
 */
final class SignInSessions implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	/** How long a sign-in may take at the provider. */
	static final int SIGN_IN_MINUTES = 10;

	private final HttpSessionOAuth2AuthorizationRequestRepository sessions = new HttpSessionOAuth2AuthorizationRequestRepository();

	@Override
	public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		return this.sessions.loadAuthorizationRequest(request);
	}

	@Override
	public void saveAuthorizationRequest(@Nullable OAuth2AuthorizationRequest authorizationRequest,
			HttpServletRequest request, HttpServletResponse response) {
		this.sessions.saveAuthorizationRequest(authorizationRequest, request, response);
		HttpSession session = request.getSession(false);
		if (authorizationRequest != null && session != null && session.isNew()) {
			session.setMaxInactiveInterval(SIGN_IN_MINUTES * 60);
		}
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		return this.sessions.removeAuthorizationRequest(request, response);
	}

	/** Signed in: the session lives {@code timeout}, then goes where the person was going. */
	static AuthenticationSuccessHandler signedIn(Duration timeout, RequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
		then.setRequestCache(requestCache);
		return new AuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.setMaxInactiveInterval((int) timeout.toSeconds());
				}
				then.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

}
