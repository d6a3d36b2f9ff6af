package io.inventdedup.web;

/**
 * {@code --serve} cannot serve as configured; the message names the problem, {@link #action()} the fix.
 * Nothing was served: the process exits 2.
 */
class ReviewSetupException extends IllegalStateException {

	private final String action;

	ReviewSetupException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
