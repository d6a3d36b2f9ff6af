package io.inventdedup.policy;

/**
 * A contact of a group that the policy keeps out of the merge: never a survivor, never a source.
 *
 * @param contactId the contact left as it is
 * @param reason why
 */
public record Exclusion(String contactId, ExclusionReason reason) {
}
