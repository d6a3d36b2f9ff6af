package io.inventdedup.simulator;

import java.time.Duration;

/**
 * What can go wrong with the simulated API, per organization. Shares are probabilities drawn from
 * the simulator's seeded random, so a test that sets them is repeatable.
 *
 * @param latency time added to every answer
 * @param jitter up to this much more, at random
 * @param rateLimit requests per {@code rateWindow} before 429 (0: no limit)
 * @param rateWindow the window of the rate limit (the API's is a minute)
 * @param unavailableShare share of requests answered 503 without being applied
 * @param dropShare share of requests whose connection is dropped before they are applied
 * @param appliedThenBadGatewayShare share of merges applied and then answered 502
 * @param appliedThenDropShare share of merges applied and then dropped without an answer
 * @param conflictShare share of merges refused with 409, not applied
 * @param keyRevoked whether every request is answered 401, as for a revoked API key
 * @param updatesUnavailable whether every PATCH is answered 503
 * @param lookupsNotAllowed whether {@code GET /orgs/{org}/contacts/{id}} is answered 405
 */
public record Faults(Duration latency, Duration jitter, int rateLimit, Duration rateWindow, double unavailableShare,
		double dropShare, double appliedThenBadGatewayShare, double appliedThenDropShare, double conflictShare,
		boolean keyRevoked, boolean updatesUnavailable, boolean lookupsNotAllowed) {

	public static final Faults NONE = new Faults(Duration.ZERO, Duration.ZERO, 0, Duration.ofMinutes(1), 0, 0, 0, 0, 0, false, false, false);

	public Faults withLatency(Duration latency, Duration jitter) {
		return new Faults(latency, jitter, this.rateLimit, this.rateWindow, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withRateLimit(int limit, Duration window) {
		return new Faults(this.latency, this.jitter, limit, window, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withUnavailable(double share) {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, share, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withDrops(double share) {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare, share,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withLostMergeAnswers(double badGatewayShare, double dropShare) {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare, this.dropShare,
				badGatewayShare, dropShare, this.conflictShare, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withConflicts(double share) {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, share, this.keyRevoked, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withKeyRevoked() {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare, this.dropShare,
				this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare, true, this.updatesUnavailable, this.lookupsNotAllowed);
	}

	public Faults withUpdatesUnavailable() {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare,
				this.dropShare, this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare,
				this.keyRevoked, true, this.lookupsNotAllowed);
	}

	public Faults withLookupsNotAllowed() {
		return new Faults(this.latency, this.jitter, this.rateLimit, this.rateWindow, this.unavailableShare,
				this.dropShare, this.appliedThenBadGatewayShare, this.appliedThenDropShare, this.conflictShare,
				this.keyRevoked, this.updatesUnavailable, true);
	}

}
