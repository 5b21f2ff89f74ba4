package org.membership.onboarding.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender of the service's own mails; the SMTP server is {@code spring.mail.*}.
 *
 * @param from the sender address, e.g. {@code DIGITAL SME membership <membership@...>}
 */
@ConfigurationProperties("membership.onboarding.mail")
record MailProperties(@DefaultValue("Membership <membership@localhost>") String from) {
}
