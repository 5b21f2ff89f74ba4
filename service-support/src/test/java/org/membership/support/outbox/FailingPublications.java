package org.membership.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/** Spring Modulith's resubmission when its database is away: every call fails. */
class FailingPublications implements IncompleteEventPublications {

	final List<Duration> calls = new CopyOnWriteArrayList<>();

	@Override
	public void resubmitIncompletePublicationsOlderThan(Duration duration) {
		this.calls.add(duration);
		throw new IllegalStateException("database away");
	}

	@Override
	public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
		throw new UnsupportedOperationException("the relay resubmits by age");
	}

	@Override
	public void resubmitIncompletePublications(ResubmissionOptions options) {
		throw new UnsupportedOperationException("the relay resubmits by age");
	}

}
