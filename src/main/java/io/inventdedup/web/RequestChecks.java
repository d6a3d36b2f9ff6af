package io.inventdedup.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The checks of a request that come before who is asking: a state-changing request comes from the
 * review's own pages (its {@code Origin}, when the browser sends one, is the server's own); a CSRF
 * token travels in a header or a form's body, never in the address (where logs, history and
 * referrers keep it); a request the firewall refuses gets the same security headers as every page.
 */
final class RequestChecks {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private RequestChecks() {
	}

	/** Refuses a state-changing request whose {@code Origin} is another site's (or {@code null}). */
	static OncePerRequestFilter sameOrigin() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String origin = request.getHeader("Origin");
				if (SAFE.contains(request.getMethod()) || origin == null || sameOrigin(origin, request)) {
					chain.doFilter(request, response);
					return;
				}
				refuse(response, HttpServletResponse.SC_FORBIDDEN, "Refused (403)", "The request came from another "
						+ "site (Origin " + origin.replaceAll("\\p{Cntrl}", "?") + "): decide on the review's own pages");
			}
		};
	}

	/**
	 * Whether the origin is the server's own, as the request sees the server: its scheme, name and
	 * port ({@code server.forward-headers-strategy} makes them the proxy's public ones).
	 */
	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			if (uri.getScheme() == null || uri.getHost() == null || !uri.getRawPath().isEmpty()) {
				return false;
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			return uri.getScheme().equalsIgnoreCase(request.getScheme())
					&& uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Reads the CSRF token from its header, or from a form's body; a token in the query string is no
	 * token (the request is then refused as any request without one).
	 */
	static CsrfTokenRequestHandler tokenInHeaderOrBody() {
		XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();
		return new CsrfTokenRequestHandler() {
			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
				tokens.handle(request, response, token);
			}

			@Override
			public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
				if (request.getHeader(token.getHeaderName()) == null && inQuery(request, token.getParameterName())) {
					return null;
				}
				return tokens.resolveCsrfTokenValue(request, token);
			}
		};
	}

	/** Whether the query string names this parameter, however its name is encoded. */
	private static boolean inQuery(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			String encoded = (pair.indexOf('=') >= 0) ? pair.substring(0, pair.indexOf('=')) : pair;
			try {
				if (URLDecoder.decode(encoded, StandardCharsets.UTF_8).equals(name)) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				return true;
			}
		}
		return false;
	}

	/** The firewall's refusal: 400, in words, with the headers every page of the review carries. */
	static RequestRejectedHandler rejected() {
		return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> refuse(
				response, HttpServletResponse.SC_BAD_REQUEST, "Bad request (400)", "The address cannot be served ("
						+ rejected.getMessage().replaceAll("\\p{Cntrl}", "?") + "): open the review from its home page");
	}

	/** A refusal before the security headers are written: on the review's own page, with those headers. */
	private static void refuse(HttpServletResponse response, int status, String title, String text) throws IOException {
		response.setHeader("Content-Security-Policy", ReviewSecurity.CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		ReviewErrors.page(response, status, title, text);
	}

}
