package io.inventdedup.review;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says how to configure the sign-in of {@code --serve}, without a stack trace. */
class NoIdentityProviderFailureAnalyzer extends AbstractFailureAnalyzer<NoIdentityProviderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoIdentityProviderException cause) {
		return new FailureAnalysis(cause.getMessage() + ", so no one could sign in; nothing was served.",
				"Set spring.security.oauth2.client.registration.idp.client-id, client-secret and scope=openid,profile, and "
						+ "spring.security.oauth2.client.provider.idp.issuer-uri (README, \"Review in a browser\"; "
						+ "k8s/review/kustomization.yaml), or run --serve --local on your own machine.",
				cause);
	}

}
