package io.inventdedup.merge;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read from the database at most once a second: what operators decide during a long run
 * (a hold, an approval) applies to the groups not planned yet, without a query per group on the
 * processor's hot path.
 */
final class ReadEverySecond<T> {

	private static final long INTERVAL = Duration.ofSeconds(1).toNanos();

	private final Supplier<T> read;

	private T value;

	private long readAt = System.nanoTime() - INTERVAL;

	ReadEverySecond(Supplier<T> read) {
		this.read = read;
	}

	/** The value, read again when the last reading is a second old or more. */
	T get() {
		long now = System.nanoTime();
		if (now - this.readAt >= INTERVAL) {
			this.value = this.read.get();
			this.readAt = now;
		}
		return this.value;
	}

}
