package org.membership.onboarding.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The applicant's status tokens: 256 random bits, base64url. Only their SHA-256 is
 * stored; a presented token is hashed and compared in constant time.
 */
@Component
public class StatusTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random;

	public StatusTokens(SecureRandom random) {
		this.random = random;
	}

	/** A new token (256 random bits). */
	public String generate() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The hex SHA-256 that is stored instead of the token. */
	public static String hash(String token) {
		return HexFormat.of().formatHex(sha256(token));
	}

	/**
	 * Whether {@code presented} is the token whose hash is {@code storedHash}; constant
	 * time in the hash comparison.
	 */
	public static boolean matches(String presented, String storedHash) {
		byte[] expected = HexFormat.of().parseHex(storedHash);
		byte[] actual = sha256((presented != null) ? presented : "");
		return MessageDigest.isEqual(actual, expected);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

}
