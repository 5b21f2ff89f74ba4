package org.membership.onboarding.system;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The service's own mails (the staff's review digest, an applicant's new status link),
 * plain text, from {@code membership.onboarding.mail.from}, through Spring's
 * {@link JavaMailSender} on the {@code spring.mail.*} server. The applicants'
 * notifications are notification-service's; these two are here because what they carry
 * (the console's state, a fresh secret) must never travel through a topic.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final MailProperties properties;

	Mailer(JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/**
	 * Sends one plain-text mail; returns once the SMTP server accepted it.
	 * @param messageId the {@code Message-ID} (with its angle brackets), the same for
	 * every attempt of one mail so that a mail store recognises a repetition; or
	 * {@code null} for a new one
	 * @throws MailException when the server is away or refuses it
	 */
	public void send(String to, String subject, String text, String messageId) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			if (messageId != null) {
				// kept by JavaMailSenderImpl, which otherwise makes up a new one per
				// attempt
				message.setHeader("Message-ID", messageId);
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("The mail could not be composed", ex);
		}
		this.sender.send(message);
	}

	/** A {@code Message-ID} for {@code localPart}, in the sender address's domain. */
	public String messageId(String localPart) {
		String from = this.properties.from();
		int at = from.lastIndexOf('@');
		String domain = (at < 0) ? "membership.invalid" : from.substring(at + 1).replace(">", "").strip();
		return "<" + localPart + "@" + domain + ">";
	}

}
