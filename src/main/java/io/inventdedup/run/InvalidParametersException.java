package io.inventdedup.run;

/** The operator's command cannot be run as typed; the message says what to fix. Exit code 2. */
public class InvalidParametersException extends RuntimeException {

	public InvalidParametersException(String message) {
		super(message);
	}

}
