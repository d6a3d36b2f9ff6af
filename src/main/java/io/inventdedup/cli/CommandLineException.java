package io.inventdedup.cli;

/** The command line cannot be run as typed; the message names the argument and the fix. Exit code 2. */
public class CommandLineException extends RuntimeException {

	CommandLineException(String message) {
		super(message);
	}

}
