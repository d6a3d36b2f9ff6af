package io.inventdedup.invent;

/** Invent answered 2xx with a body the job cannot read: not JSON, or not the documented shape. */
public class MalformedAnswerException extends RuntimeException {

	MalformedAnswerException(String call, String problem) {
		super(call + " answered a body the job cannot read: " + problem);
	}

}
