package io.inventdedup.invent;

/**
 * A merge got no trustworthy answer, and looking the contacts up afterwards could not tell
 * whether it was applied. The run stops so that an operator looks before anything else happens.
 */
public class AmbiguousMergeException extends RuntimeException {

	AmbiguousMergeException(String orgId, String survivorId, String whatIsKnown, Throwable cause) {
		super("Cannot tell whether the merge into " + survivorId + " in org " + orgId + " was applied: " + whatIsKnown
				+ ". Check these contacts in Invent, then re-run the same command to resume", cause);
	}

}
