package io.inventdedup.web;

/**
 * {@code --serve} was started with no OpenID Connect provider configured: it would let no one in.
 */
class NoIdentityProviderException extends ReviewSetupException {

	NoIdentityProviderException() {
		super("--serve signs people in with OpenID Connect, and no identity provider is configured, so no one "
				+ "could sign in", "Set spring.security.oauth2.client.registration.idp.client-id, client-secret and "
						+ "scope=openid,profile, and spring.security.oauth2.client.provider.idp.issuer-uri (docs/review.md, "
						+ "\"Review in a browser\"; k8s/review/kustomization.yaml), or run --serve --local on your own "
						+ "machine.");
	}

}
