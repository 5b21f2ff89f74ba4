package org.membership.notification.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an announcement's page adds to make it read as a press release: the dateline's
 * city and the association's boilerplate ("About ...") at its end.
 *
 * @param city where the association issues its releases, the dateline's first word
 * @param about a paragraph about the association; none when empty
 */
@ConfigurationProperties("membership.press-release")
record PressReleaseProperties(@DefaultValue("Brussels") String city, String about) {

}
