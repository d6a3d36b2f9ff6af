package io.inventdedup.invent;

/**
 * Invent refused the API token (401 or 403). Every other call would fail the same way, so the
 * run stops at once.
 */
public class InventAuthenticationException extends RuntimeException {

	InventAuthenticationException(InventApiException cause) {
		super("Invent refused the API token (" + cause.status()
				+ "): check INVENT_API_TOKEN and that the key belongs to this organization", cause);
	}

}
