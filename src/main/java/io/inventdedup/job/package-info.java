/**
 * The job: its flow, its parameters (RunParameters), the launch, exit codes, the org lock, the
 * run's metrics.
 */
@NullMarked
package io.inventdedup.job;

import org.jspecify.annotations.NullMarked;
