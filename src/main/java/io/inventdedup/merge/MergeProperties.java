package io.inventdedup.merge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the merge step guards a run ({@code dedup.merge.*}).
 *
 * @param maxFailureShare the run stops as failed once more than this share of the merges its
 * execution tried failed (400, 404, 409, the API unreachable): something is wrong that going on
 * group after group will not fix
 * @param minTried the share is judged only once the execution tried at least this many merges
 */
@Validated
@ConfigurationProperties("dedup.merge")
public record MergeProperties(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.10") double maxFailureShare,
		@Min(1) @Max(100_000) @DefaultValue("20") int minTried) {
}
