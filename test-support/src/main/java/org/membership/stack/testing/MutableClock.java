package org.membership.stack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tests set and move, as the services' {@code Clock} bean, so that a test can
 * make a date come; {@link #reset()} follows the system clock again.
 * <p>
 * {@link #set} stops the clock at an instant; {@link #runFrom} lets it run on from one. A
 * running clock is what the outbox relay needs: it resends what is older than a duration,
 * and under a stopped clock nothing published at that instant ever gets older.
 */
public final class MutableClock extends Clock {

	private volatile Instant fixed;

	/** Added to the system clock while it is not stopped. */
	private volatile Duration offset = Duration.ZERO;

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
		return (now != null) ? now : Instant.now().plus(this.offset);
	}

	/** Stops the clock at {@code instant}. */
	public void set(Instant instant) {
		this.fixed = instant;
	}

	/** Lets the clock run on, at the system clock's pace, from {@code instant}. */
	public void runFrom(Instant instant) {
		this.offset = Duration.between(Instant.now(), instant);
		this.fixed = null;
	}

	/**
	 * A clock of the zone that runs on from {@code instant}, for a context that has no
	 * {@code MutableClock} of its own.
	 */
	public static Clock runningFrom(Instant instant, ZoneId zone) {
		return Clock.offset(Clock.system(zone), Duration.between(Instant.now(), instant));
	}

	public void advance(Duration duration) {
		this.fixed = instant().plus(duration);
	}

	public void reset() {
		this.fixed = null;
		this.offset = Duration.ZERO;
	}

}
