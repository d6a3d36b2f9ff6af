package io.inventdedup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the signed-in person's session, as Spring Security's
 * {@link HttpSessionCsrfTokenRepository} keeps them, except that a request without a session never
 * opens one to keep a token: a POST that is not signed in (refused anyway) would otherwise leave a
 * server-side session behind for hours, one for each such request. A page carries a token only
 * once its reader is signed in, and signing in opens the session.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token != null && request.getSession(false) == null) {
			return;
		}
		this.sessions.saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return this.sessions.loadToken(request);
	}

}
