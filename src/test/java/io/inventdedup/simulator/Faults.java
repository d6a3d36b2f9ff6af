package io.inventdedup.simulator;

import java.time.Duration;

/**
 * What can go wrong with the simulated API, per organization. Shares are probabilities drawn from
 * the simulator's seeded random, so a test that sets them is repeatable.
 *
 * @param latency time added to every answer
 * @param jitter up to this much more, at random
 * @param rateLimitPerMinute requests a minute before 429 (0: no limit)
 * @param unavailableShare share of requests answered 503 without being applied
 * @param dropShare share of requests whose connection is dropped before they are applied
 * @param appliedThenBadGatewayShare share of merges applied and then answered 502
 * @param appliedThenDropShare share of merges applied and then dropped without an answer
 */
public record Faults(Duration latency, Duration jitter, int rateLimitPerMinute, double unavailableShare,
		double dropShare, double appliedThenBadGatewayShare, double appliedThenDropShare) {

	public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 0);

	public Faults withLatency(Duration latency, Duration jitter) {
		return new Faults(latency, jitter, this.rateLimitPerMinute, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare);
	}

	public Faults withRateLimit(int perMinute) {
		return new Faults(this.latency, this.jitter, perMinute, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare);
	}

	public Faults withUnavailable(double share) {
		return new Faults(this.latency, this.jitter, this.rateLimitPerMinute, share, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare);
	}

	public Faults withDrops(double share) {
		return new Faults(this.latency, this.jitter, this.rateLimitPerMinute, this.unavailableShare, share,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare);
	}

	public Faults withLostMergeAnswers(double badGatewayShare, double dropShare) {
		return new Faults(this.latency, this.jitter, this.rateLimitPerMinute, this.unavailableShare, this.dropShare,
				badGatewayShare, dropShare);
	}

}
