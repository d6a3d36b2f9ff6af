/**
 * The job: its flow, the plan check, the launch, exit codes, the org lock, the run's metrics; the steps'
 * CollectRun and MergeRun bound from run.RunParameters once.
 */
@NullMarked
package io.inventdedup.job;

import org.jspecify.annotations.NullMarked;

