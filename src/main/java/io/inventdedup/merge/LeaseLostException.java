package io.inventdedup.merge;

/**
 * The run no longer holds its org's lease: another run took the org over, or the lease could not be
 * renewed for long enough that another run may have. The run sends no merge after this.
 */
public class LeaseLostException extends IllegalStateException {

	/** Why, when a renewal or the fence found the lease's row with another run's token. */
	public static final String TAKEN_OVER = "another run took the org over";

	public LeaseLostException(String orgId, String why) {
		super("this run lost the lease on org " + orgId + " (" + why + "): it sends no more merges and stops; "
				+ "run the same command again once the other run has ended");
	}

}
