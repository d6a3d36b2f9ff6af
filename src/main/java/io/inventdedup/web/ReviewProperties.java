package io.inventdedup.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The review in a browser ({@code --serve}): who may do what, from the identity provider's claims,
 * and how much a page shows.
 *
 * @param rolesClaim the claim of the ID token (or user info) that lists the person's groups or roles
 * @param reviewer the value of that claim that makes a reviewer (decides)
 * @param viewer the value of that claim that makes a viewer (reads only)
 * @param runsPerOrg how many runs of each org the home page lists
 * @param queueLimit the most queued groups the home page lists
 * @param pageLimit the most groups a run's page shows (the CSV has all)
 */
@ConfigurationProperties("invent-dedup.review")
@Validated
record ReviewProperties(@DefaultValue("groups") @NotBlank String rolesClaim,
		@DefaultValue("invent-dedup-reviewer") @NotBlank String reviewer,
		@DefaultValue("invent-dedup-viewer") @NotBlank String viewer, @DefaultValue("5") @Min(1) @Max(100) int runsPerOrg,
		@DefaultValue("500") @Min(1) @Max(20_000) int queueLimit,
		@DefaultValue("20000") @Min(1) @Max(200_000) int pageLimit) {

}
