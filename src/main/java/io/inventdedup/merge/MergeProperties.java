package io.inventdedup.merge;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
 * @param maxListingAge no merge reaches Invent for a group listed longer ago than this: the run reads
 * its org in windows of what it can merge within it at the API's rate
 * ({@code policy.ListingWindow}), checked again as each merge leaves
 */
@Validated
@ConfigurationProperties("dedup.merge")
public record MergeProperties(@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.10") double maxFailureShare,
		@Min(1) @Max(100_000) @DefaultValue("20") int minTried,
		@NotNull @DefaultValue("30m") Duration maxListingAge) {

	/** Zero or negative would never let a merge be sent. */
	@AssertTrue(message = "max-listing-age must be positive (e.g. 30m, or 20s for a small org)")
	public boolean isMaxListingAgePositive() {
		return this.maxListingAge == null || this.maxListingAge.compareTo(Duration.ZERO) > 0;
	}

}
