package io.inventdedup.decision;

/**
 * A person's decision that cannot be recorded as given; its message names the problem and the fix.
 * Nothing was changed.
 */
public class DecisionRefusedException extends RuntimeException {

	public DecisionRefusedException(String message) {
		super(message);
	}

}
