package io.inventdedup.invent;

/**
 * A merge got no trustworthy answer: an attempt may have been applied without its answer reaching
 * us (a timeout, a dropped connection, a 500/502/504), and no later attempt said what became of it.
 * The caller settles it by looking the contacts up; the cause is the last attempt's failure.
 */
public class AmbiguousMergeException extends RuntimeException {

	AmbiguousMergeException(String orgId, String survivorId, RuntimeException lastFailure) {
		super("The answer to the merge into " + survivorId + " in org " + orgId
				+ " was lost: it may or may not have been applied (" + lastFailure.getMessage() + ")", lastFailure);
	}

	/** The last attempt's failure: what stands when the merge turns out not to have been applied. */
	public RuntimeException lastFailure() {
		return (RuntimeException) getCause();
	}

}
