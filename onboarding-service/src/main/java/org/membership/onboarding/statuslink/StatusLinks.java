package org.membership.onboarding.statuslink;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.Applications;
import org.membership.onboarding.application.Applications.RenewedStatusToken;
import org.membership.onboarding.system.Mailer;
import org.membership.support.association.AssociationProperties;

import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New status links on request. {@link #request} only queues the request, so that its
 * answer and its time are the same whether the reference and address match or not (no
 * enumeration); one thread then renews the token and mails the new link in one
 * transaction: when the mail cannot be sent, the renewal is rolled back and the old link
 * keeps working. At most one renewal per application per {@code min-interval}, by a
 * conditional update in the database, so also across instances.
 */
@Service
public class StatusLinks {

	private static final Logger logger = LoggerFactory.getLogger(StatusLinks.class);

	private final Applications applications;

	private final Mailer mailer;

	private final StatusPages pages;

	private final AssociationProperties association;

	private final StatusLinkProperties properties;

	private final TransactionTemplate transactions;

	private final ThreadPoolExecutor worker;

	StatusLinks(Applications applications, Mailer mailer, StatusPages pages, AssociationProperties association,
			StatusLinkProperties properties, PlatformTransactionManager transactionManager) {
		this.applications = applications;
		this.mailer = mailer;
		this.pages = pages;
		this.association = association;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity())),
				Thread.ofPlatform().name("status-link").daemon().factory());
	}

	/**
	 * Queues a request for a new link; whether it matches is never told to the caller.
	 */
	public void request(UUID reference, String email) {
		try {
			this.worker.execute(() -> renew(reference, email));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Too many requests for new status links at once: one dropped");
		}
	}

	/** Renews the token and mails the new link, if the request matches. */
	void renew(UUID reference, String email) {
		try (MDC.MDCCloseable applicationId = MDC.putCloseable("applicationId", reference.toString())) {
			renewInTransaction(reference, email);
		}
	}

	private void renewInTransaction(UUID reference, String email) {
		try {
			boolean renewed = Boolean.TRUE.equals(this.transactions
				.execute((status) -> this.applications.renewStatusToken(reference, email, this.properties.minInterval())
					.map((token) -> {
						mail(token);
						return true;
					})
					.orElse(false)));
			if (renewed) {
				logger.info("Application {}: new status link mailed to its contact; the old link stopped working",
						reference);
			}
		}
		catch (MailException ex) {
			logger.warn("Could not mail a new status link for application {}; the old link still works: {}", reference,
					ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the status link of application {}: {}", reference,
					ex.getClass().getSimpleName());
		}
	}

	private void mail(RenewedStatusToken renewed) {
		Application application = renewed.application();
		String link = this.pages.absolute(application.id(), renewed.token());
		String text = """
				Hello %s,

				you asked for a new link to the status of the application of %s (reference %s) \
				for membership of %s. Here it is:

				%s

				The earlier link no longer works. Keep this one private: anyone with it can see the status.

				If you did not ask for it, someone who knows the reference and your address did; \
				nothing else changed, and only this link works now. A new link can be requested at %s.
				""".formatted(oneLine(application.contact().name()), oneLine(application.organisation().name()),
				application.id(), this.association.name(), link, this.pages.requestPage());
		this.mailer.send(application.contact().email(),
				"Your new status link: " + oneLine(application.organisation().name()), text, null);
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}", " ");
	}

	/** Lets a request being handled finish; queued ones are dropped. */
	@PreDestroy
	void stop() throws InterruptedException {
		this.worker.shutdown();
		this.worker.awaitTermination(10, TimeUnit.SECONDS);
	}

}
