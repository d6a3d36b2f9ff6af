package io.inventdedup.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.inventdedup.decision.DecisionText;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in of {@code --serve --local}, like Jupyter's: a random token, printed once as a link on a
 * line of its own ({@code sign-in: http://127.0.0.1:PORT/sign-in?token=...}); the link works once and
 * opens a reviewer's session named after {@code --by=NAME} (default: the OS user). Every other request
 * without that session is refused (401).
 */
@Controller
@ConditionalOnProperty(name = ReviewServer.LOCAL, havingValue = "true")
class LocalSignIn implements ApplicationListener<WebServerInitializedEvent> {

	private final AtomicReference<String> token = new AtomicReference<>(newToken());

	private final String name;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	LocalSignIn(@Value("${by:${user.name:reviewer}}") String name) {
		DecisionText.problemWithName(name).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
		this.name = name.strip();
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			String link = "http://127.0.0.1:" + event.getWebServer().getPort() + "/sign-in?token=" + this.token.get();
			System.out.println(System.lineSeparator() + "sign-in: " + link + System.lineSeparator());
			System.out.flush();
		}
	}

	@GetMapping("/sign-in")
	void signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String expected = this.token.get();
		if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII)) || !this.token.compareAndSet(expected, null)) {
			ReviewErrors.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "This sign-in link was used "
					+ "already, or it is not the one printed: each link works once; start --serve --local again for a new one");
			return;
		}
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this.name, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ReviewSecurity.REVIEWER),
						new SimpleGrantedAuthority("ROLE_" + ReviewSecurity.VIEWER))));
		SecurityContextHolder.setContext(context);
		this.sessions.saveContext(context, request, response);
		response.sendRedirect("/");
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
