package org.membership.onboarding.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.membership.support.metrics.MetricNames;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of state changes, {@code membership.onboarding.applications.<outcome>},
 * incremented only when the change has committed.
 */
@Component
public class ApplicationMetrics {

	private final Counter submitted;

	private final Counter approved;

	private final Counter rejected;

	private final Counter effective;

	private final Counter withdrawn;

	private final Counter rescheduled;

	ApplicationMetrics(MeterRegistry registry, @Value("${spring.application.name}") String applicationName) {
		this.submitted = counter(registry, applicationName, "submitted");
		this.approved = counter(registry, applicationName, "approved");
		this.rejected = counter(registry, applicationName, "rejected");
		this.effective = counter(registry, applicationName, "effective");
		this.withdrawn = counter(registry, applicationName, "withdrawn");
		this.rescheduled = counter(registry, applicationName, "rescheduled");
	}

	private static Counter counter(MeterRegistry registry, String applicationName, String outcome) {
		return Counter.builder(MetricNames.of(applicationName, "applications." + outcome))
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

	void withdrawn() {
		afterCommit(this.withdrawn);
	}

	void rescheduled() {
		afterCommit(this.rescheduled);
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
