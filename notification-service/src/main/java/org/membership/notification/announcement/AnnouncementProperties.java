package org.membership.notification.announcement;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The texts of the welcome announcement, per association. Placeholders in braces
 * ({@code {organisation}}, {@code {tier}}, {@code {aTier}} (the tier with its article:
 * "an Associate"), {@code {shortName}}, {@code {associationName}}, {@code {city}},
 * {@code {countryName}}, {@code {foundedMonth}}, {@code {foundedYear}},
 * {@code {memberCount}}, {@code {description}}, {@code {aims}}, {@code {effectiveFrom}},
 * {@code {joins}}, {@code {website}}, {@code {legalName}}, and in {@code quoteRole}
 * {@code {role}}) are replaced by the facts; a sentence whose facts are not all known is
 * left out. {@code {joins}} is {@code willJoin} while the membership lies ahead and
 * {@code joins} from its first day: a draft published later says "joins" where it said
 * "will join".
 *
 * @param summary the highlights; each is a list of alternatives, the first whose facts
 * are all known is used
 * @param body the paragraphs; each paragraph is a list of sentences, each used when its
 * facts are known
 * @param boilerplate the sentences of the association's closing paragraph, after the
 * quotes
 * @param quoteRole how the contact's statement is attributed after their name: the first
 * alternative whose facts are known
 * @param willJoin the words of {@code {joins}} before the membership takes effect
 * @param joins the words of {@code {joins}} from its first day
 */
@ConfigurationProperties("membership.announcement")
record AnnouncementProperties(String headline, List<List<String>> summary, List<List<String>> body,
		@DefaultValue List<String> boilerplate, @DefaultValue( {
				"{role} of {organisation}", "{organisation}" }) List<String> quoteRole,
		@DefaultValue("will join") String willJoin, @DefaultValue("joins") String joins){

}
