package io.inventdedup.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * This process's clock, as a test sets it: the system's, shifted (a pod whose NTP is down). Every
 * {@link IntegrationTest} context has one, unshifted until a test shifts it.
 */
public final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	/** Shifts the clock from the system's by this much (negative: behind); {@code ZERO} puts it back. */
	public void shift(Duration shift) {
		this.shift = shift;
	}

	@Override
	public Instant instant() {
		return Clock.systemUTC().instant().plus(this.shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.shift);
	}

	/** The clock of the tests' application context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		ShiftedClock shiftedClock() {
			return new ShiftedClock();
		}

	}

}
