/**
 * The job: its flow, the plan check, the launch (the run's request read once, run.RunRequest; the org's
 * lease taken, merge.OrgLease), exit codes, the run's metrics; the steps' CollectRun and MergeRun bound
 * from run.RunParameters once.
 */
@NullMarked
package io.inventdedup.job;

import org.jspecify.annotations.NullMarked;

