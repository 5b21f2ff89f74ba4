package org.membership.notification.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mails are sent.
 *
 * @param from the sender address
 * @param pollInterval how often the sender looks for due notifications
 * @param batchSize how many due notifications one poll takes
 * @param maxAttempts after this many failed sends a notification is FAILED
 * @param initialBackOff wait after the first failure; doubles with every further one
 * @param maxBackOff the longest wait between two tries
 * @param lease how long a claimed notification is reserved for the instance sending it
 * @param contactWait how long a mail waits for its contact (ApplicationReceived) before
 * it is FAILED
 */
@ConfigurationProperties("membership.notification")
record NotificationProperties(String from, Duration pollInterval, int batchSize, int maxAttempts,
		Duration initialBackOff, Duration maxBackOff, Duration lease, Duration contactWait) {

	/** The wait after the {@code attempts}-th failure. */
	Duration backOffAfter(int attempts) {
		Duration wait = this.initialBackOff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackOff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackOff) > 0) ? this.maxBackOff : wait;
	}

}
