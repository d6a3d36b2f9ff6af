package io.inventdedup.invent;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Invent answered a call with an error status. Carries the status, the call (method and path, no
 * credentials) and the start of the answer's body, so that the audit can say what went wrong.
 */
public class InventApiException extends RuntimeException {

	static final int MAX_BODY_LENGTH = 500;

	private final int status;

	private final @Nullable Duration retryAfter;

	InventApiException(String call, int status, String body, @Nullable Duration retryAfter) {
		super(call + " answered " + status + (body.isBlank() ? "" : ": " + cut(body)));
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return this.status;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whether the API was busy or down (429, 500, 502, 503, 504): worth another attempt, not a refusal. */
	public boolean isTransient() {
		return this.status == 429 || this.status == 500 || this.status == 502 || this.status == 503
				|| this.status == 504;
	}

	/** Whether the token was refused: nothing else will work, the run must stop. */
	public boolean isAuthenticationFailure() {
		return this.status == 401 || this.status == 403;
	}

	static String cut(String text) {
		return (text.length() <= MAX_BODY_LENGTH) ? text : text.substring(0, MAX_BODY_LENGTH) + "…";
	}

}
