package io.inventdedup.invent;

/** A duplicate group as listed by the API cannot be trusted; the detail says why. */
public class InvalidGroupException extends RuntimeException {

	InvalidGroupException(String detail) {
		super(detail);
	}

}
