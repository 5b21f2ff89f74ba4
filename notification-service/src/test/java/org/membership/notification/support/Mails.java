package org.membership.notification.support;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The parts of a received mail, decoded.
 *
 * @param text the text/plain part
 * @param html the text/html part
 */
public record Mails(String subject, String text, String html) {

	public static Mails of(MimeMessage message) {
		try {
			StringBuilder text = new StringBuilder();
			StringBuilder html = new StringBuilder();
			collect(message, text, html);
			return new Mails(message.getSubject(), text.toString(), html.toString());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, StringBuilder text, StringBuilder html)
			throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			text.append(part.getContent());
		}
		else if (part.isMimeType("text/html")) {
			html.append(part.getContent());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, text, html);
			}
		}
	}

}
