package org.membership.directory.member;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the directory searches and sorts it: decomposed (NFD), without combining marks,
 * lower case; a few letters that do not decompose are spelled out. Done in Java and
 * stored, so H2 and PostgreSQL find and sort exactly the same ({@code asociatia} finds
 * {@code Asociația}).
 */
final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		plain = plain.toLowerCase(Locale.ROOT)
			.replace("ø", "o")
			.replace("ł", "l")
			.replace("đ", "d")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ı", "i");
		return SPACES.matcher(plain).replaceAll(" ").strip();
	}

}
