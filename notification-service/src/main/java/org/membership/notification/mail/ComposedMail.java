package org.membership.notification.mail;

/**
 * A rendered mail.
 *
 * @param text the plain-text part
 * @param html the HTML part, every user-supplied text escaped
 */
record ComposedMail(String subject, String text, String html) {

}
