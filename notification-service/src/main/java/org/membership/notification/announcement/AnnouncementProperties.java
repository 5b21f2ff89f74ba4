package org.membership.notification.announcement;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The texts of the welcome announcement. Placeholders in braces ({@code {organisation}},
 * {@code {tier}}, {@code {shortName}}, {@code {associationName}}, {@code {city}},
 * {@code {countryName}}, {@code {foundedMonth}}, {@code {foundedYear}},
 * {@code {memberCount}}, {@code {description}}, {@code {effectiveFrom}},
 * {@code {website}}, {@code {legalName}}) are replaced by the organisation's facts; a
 * sentence whose facts are not all known is left out.
 *
 * @param summary the summary points; each point is a list of alternatives, the first
 * whose facts are all known is used
 * @param body the paragraphs; each paragraph is a list of sentences, each used when its
 * facts are known
 */
@ConfigurationProperties("membership.announcement")
record AnnouncementProperties(String headline, List<List<String>> summary, List<List<String>> body) {

}
