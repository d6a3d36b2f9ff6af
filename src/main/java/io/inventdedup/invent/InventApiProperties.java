package io.inventdedup.invent;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the job reaches Invent. The token comes from the environment ({@code INVENT_API_TOKEN}) or a
 * mounted file, never from a job parameter: job parameters are stored in the database in clear.
 *
 * @param baseUrl the API's address
 * @param token the API key; never logged, never stored
 * @param rateLimitPerMinute requests per minute across every call of every run on the same budget
 * @param budget the name of the budget the runs that leave through one IP address share
 * @param budgetTimeout how long taking a permit may wait for the database (a connection of the
 * budget's own pool, then its answer); past it the call is not sent and the run stops
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once connected
 * @param maxAttempts attempts per call on transient failures, the first one included
 * @param initialBackoff the first pause before a retry; doubled at each attempt, with jitter
 * @param maxBackoff the longest pause between two attempts
 * @param concurrency how many merge calls are in flight at once
 * @param maxResponseSize the largest answer accepted
 */
@Validated
@ConfigurationProperties("invent.api")
public record InventApiProperties(@NotNull @DefaultValue("https://api.useinvent.com") URI baseUrl,
		@NotBlank(message = "is required: set the environment variable INVENT_API_TOKEN") String token,
		@Min(1) @DefaultValue("500") int rateLimitPerMinute,
		@NotBlank @Size(max = 100) @DefaultValue("default") String budget,
		@NotNull @DefaultValue("2s") Duration budgetTimeout, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("30s") Duration readTimeout, @Min(1) @Max(20) @DefaultValue("6") int maxAttempts,
		@NotNull @DefaultValue("500ms") Duration initialBackoff, @NotNull @DefaultValue("30s") Duration maxBackoff,
		@Min(1) @Max(64) @DefaultValue("8") int concurrency, @NotNull @DefaultValue("16MB") DataSize maxResponseSize) {

	@Override
	public String toString() {
		return "InventApiProperties[baseUrl=" + this.baseUrl + ", token=<hidden>, rateLimitPerMinute="
				+ this.rateLimitPerMinute + "]";
	}

}
