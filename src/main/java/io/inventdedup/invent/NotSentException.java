package io.inventdedup.invent;

/**
 * A request kept from leaving, once its rate permit was taken, by the caller's own last check (a
 * merge whose listing grew older than the run allows while it waited for its permit): nothing of it
 * reached Invent.
 */
public class NotSentException extends RuntimeException {

	public NotSentException(String call) {
		super(call + " was not sent: the listing it acts on grew older than dedup.merge.max-listing-age "
				+ "while it waited for its turn");
	}

}
