package io.inventdedup.simulator;

import java.util.List;

/**
 * A merge the simulator applied: the log that tests compare with the job's audit.
 *
 * @param orgId the organization
 * @param survivorId the contact that stayed
 * @param sourceIds the contacts merged into it
 */
public record MergeRecord(String orgId, String survivorId, List<String> sourceIds) {
}
