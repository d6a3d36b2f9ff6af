package io.inventdedup.review;

/**
 * {@code --serve} was started with no OpenID Connect provider configured: it would let no one in.
 */
class NoIdentityProviderException extends IllegalStateException {

	NoIdentityProviderException() {
		super("--serve signs people in with OpenID Connect, and no identity provider is configured");
	}

}
