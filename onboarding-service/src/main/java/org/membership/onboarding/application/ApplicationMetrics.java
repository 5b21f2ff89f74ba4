package org.membership.onboarding.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of state changes ({@code onboarding.applications} tagged with the outcome),
 * incremented only when the change has committed.
 */
@Component
public class ApplicationMetrics {

	private final Counter submitted;

	private final Counter approved;

	private final Counter rejected;

	private final Counter effective;

	ApplicationMetrics(MeterRegistry registry) {
		this.submitted = counter(registry, "submitted");
		this.approved = counter(registry, "approved");
		this.rejected = counter(registry, "rejected");
		this.effective = counter(registry, "effective");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("onboarding.applications." + outcome)
			.description("Applications " + outcome + " (committed state changes)")
			.register(registry);
	}

	void submitted() {
		afterCommit(this.submitted);
	}

	void approved() {
		afterCommit(this.approved);
	}

	void rejected() {
		afterCommit(this.rejected);
	}

	void effective() {
		afterCommit(this.effective);
	}

	private static void afterCommit(Counter counter) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

}
