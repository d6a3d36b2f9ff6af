package io.inventdedup.invent;

/** Invent could not be reached, or did not answer in time, after every attempt. */
public class InventUnavailableException extends RuntimeException {

	InventUnavailableException(String call, int attempts, String problem, Throwable cause) {
		super(call + " failed after " + attempts + " attempts: " + problem, cause);
	}

}
