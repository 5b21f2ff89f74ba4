package org.membership.notification.mail;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Releases the mails that wait for their contact: each is addressed and written again
 * with the contact's name. Called when a contact is stored and on every sender poll; the
 * second closes the race in which a decision's row commits just after the contact's
 * transaction looked for waiting rows.
 */
@Component
class WaitingMails {

	private static final Logger logger = LoggerFactory.getLogger(WaitingMails.class);

	private final NotificationRepository repository;

	private final MailComposer composer;

	WaitingMails(NotificationRepository repository, MailComposer composer) {
		this.repository = repository;
		this.composer = composer;
	}

	void release() {
		for (NotificationRepository.Waiting waiting : this.repository.findWaitingWithKnownContact()) {
			Map<String, Object> model = this.composer.fromJson(waiting.model());
			model.put("contactName", waiting.contact().name());
			// the rejection does not carry the organisation's name; the application did
			if (model.get("organisationName") == null) {
				model.put("organisationName", waiting.contact().organisationName());
			}
			if (this.repository.release(waiting.id(), waiting.contact().email(),
					this.composer.compose(waiting.kind(), model))) {
				logger.info("{} notification {} now goes to the contact", waiting.kind(), waiting.id());
			}
		}
	}

}
