package org.membership.stack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tests set and move, as the services' {@code Clock} bean, so that a test can
 * make a date come; {@link #reset()} follows the system clock again.
 */
public final class MutableClock extends Clock {

	private volatile Instant fixed;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock self = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		Instant now = this.fixed;
		return (now != null) ? now : Instant.now();
	}

	public void set(Instant instant) {
		this.fixed = instant;
	}

	public void advance(Duration duration) {
		this.fixed = instant().plus(duration);
	}

	public void reset() {
		this.fixed = null;
	}

}
