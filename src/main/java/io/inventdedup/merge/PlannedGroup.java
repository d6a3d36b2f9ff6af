package io.inventdedup.merge;

import io.inventdedup.collect.StagedGroup;
import io.inventdedup.policy.MergePlan;

/**
 * A staged group and what the policy decided for it.
 *
 * @param group the group as staged by the collect step
 * @param plan the policy's decision
 */
record PlannedGroup(StagedGroup group, MergePlan plan) {
}
