package org.membership.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.membership.stack.StaffKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

/**
 * Staff tokens for tests: the key pair of this test JVM (generated once, given to every
 * service context by {@link InfrastructureInitializer}) and tokens signed with it, good
 * and bad. Built with the JDK alone, so that a test can forge what the services must
 * refuse.
 */
public final class StaffTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static StaffKeys keys;

	private static PrivateKey signingKey;

	private StaffTokens() {
	}

	/** The key pair of this test JVM, generated on first use. */
	public static synchronized StaffKeys keys() {
		if (keys == null) {
			try {
				Path directory = Files.createTempDirectory("membership-staff-keys");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						FileSystemUtils.deleteRecursively(directory);
					}
					catch (IOException ex) {
						// a temporary directory: the operating system cleans it up
					}
				}, "staff-keys-cleanup"));
				keys = StaffKeys.in(directory);
				signingKey = keys.signingKey();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return keys;
	}

	/**
	 * What a service needs to verify the tokens of this JVM and, if it is the issuer, to
	 * sign its own.
	 */
	public static Map<String, Object> properties() {
		return new LinkedHashMap<>(keys().properties(true));
	}

	/** A valid token of the user {@code staff} with the role STAFF. */
	public static String staff() {
		return signed(claims("staff", StaffKeys.ISSUER, Instant.now().plus(Duration.ofMinutes(10)), List.of("STAFF")));
	}

	/**
	 * A token signed with this JVM's key.
	 * @param subject the user
	 * @param issuer the {@code iss}
	 * @param expiresAt the {@code exp}
	 * @param roles the {@code roles}
	 */
	public static String signed(String subject, String issuer, Instant expiresAt, List<String> roles) {
		return signed(claims(subject, issuer, expiresAt, roles));
	}

	/** A token a service must refuse or forbid, and the status it must answer. */
	public enum Case {

		/** Valid, role STAFF: let in. */
		VALID(200),

		/** Expired ten minutes ago (beyond any clock skew allowance). */
		EXPIRED(401),

		/** A valid token whose payload was changed after signing (roles added). */
		TAMPERED(401),

		/** Signed with the right key, but naming another issuer. */
		OTHER_ISSUER(401),

		/** Signed with a key that is not the issuer's. */
		OTHER_KEY(401),

		/** {@code alg: none}, no signature. */
		UNSIGNED(401),

		/** Valid, but without the role STAFF. */
		NO_STAFF_ROLE(403);

		private final int status;

		Case(int status) {
			this.status = status;
		}

		/** The status a STAFF endpoint answers to this token. */
		public int status() {
			return this.status;
		}

		/** A fresh token of this case. */
		public String token() {
			Instant later = Instant.now().plus(Duration.ofMinutes(10));
			return switch (this) {
				case VALID -> staff();
				case EXPIRED -> signed(claims("staff", StaffKeys.ISSUER, Instant.now().minus(Duration.ofMinutes(10)),
						List.of("STAFF")));
				case TAMPERED -> {
					String[] parts = signed(claims("viewer", StaffKeys.ISSUER, later, List.of())).split("\\.");
					yield parts[0] + "." + encode(claims("viewer", StaffKeys.ISSUER, later, List.of("STAFF"))) + "."
							+ parts[2];
				}
				case OTHER_ISSUER -> signed(claims("staff", "urn:example:someone-else", later, List.of("STAFF")));
				case OTHER_KEY -> signed(claims("staff", StaffKeys.ISSUER, later, List.of("STAFF")), otherKey());
				case UNSIGNED -> encode(Map.of("alg", "none", "typ", "JWT")) + "."
						+ encode(claims("staff", StaffKeys.ISSUER, later, List.of("STAFF"))) + ".";
				case NO_STAFF_ROLE -> signed(claims("viewer", StaffKeys.ISSUER, later, List.of("USER")));
			};
		}

	}

	private static Map<String, Object> claims(String subject, String issuer, Instant expiresAt, List<String> roles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", subject);
		claims.put("iat", Math.min(Instant.now().getEpochSecond(), expiresAt.getEpochSecond() - 60));
		claims.put("exp", expiresAt.getEpochSecond());
		claims.put("roles", roles);
		return claims;
	}

	private static String signed(Map<String, Object> claims) {
		keys();
		return signed(claims, signingKey);
	}

	private static String signed(Map<String, Object> claims, PrivateKey key) {
		String content = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(content.getBytes(StandardCharsets.US_ASCII));
			return content + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Map<String, Object> json) {
		return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
	}

	private static PrivateKey otherKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
