package io.inventdedup.invent;

import java.util.List;

/**
 * A merge got no trustworthy answer, and looking the contacts up afterwards could not tell
 * whether it was applied. The run stops so that an operator looks before anything else happens.
 */
public class AmbiguousMergeException extends RuntimeException {

	AmbiguousMergeException(String orgId, String survivorId, boolean survivorAlive, List<String> stillThere,
			Throwable cause) {
		super("Cannot tell whether the merge into " + survivorId + " in org " + orgId + " was applied: survivor "
				+ (survivorAlive ? "exists" : "is gone") + ", sources still there: " + stillThere
				+ ". Check these contacts in Invent, then re-run the same command to resume", cause);
	}

}
