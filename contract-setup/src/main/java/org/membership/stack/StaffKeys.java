package org.membership.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RSA key pair of the staff tokens: onboarding-service signs with the private key,
 * every service verifies with the public key. Generated once into a directory (the data
 * directory of {@code ./run-local}, the shared volume of {@code docker compose}, a test
 * JVM's temporary directory) and kept there, so that nobody types a secret and tokens
 * survive a restart.
 *
 * @param privateKey the PKCS#8 PEM private key, readable by its owner only
 * @param publicKey the X.509 PEM public key
 */
public record StaffKeys(Path privateKey, Path publicKey) {

	/**
	 * The issuer the staff tokens name, and every service expects ({@code iss}): an
	 * identifier, not an address.
	 */
	public static final String ISSUER = "urn:membership:staff-tokens";

	/** The file name of the private key. */
	public static final String PRIVATE_KEY = "staff-token.key";

	/** The file name of the public key. */
	public static final String PUBLIC_KEY = "staff-token.pub";

	/** The keys in {@code directory}, generated first if they are not there yet. */
	public static StaffKeys in(Path directory) {
		StaffKeys keys = new StaffKeys(directory.resolve(PRIVATE_KEY), directory.resolve(PUBLIC_KEY));
		if (!Files.isRegularFile(keys.privateKey()) || !Files.isRegularFile(keys.publicKey())) {
			keys.generate();
		}
		return keys;
	}

	/**
	 * The settings that let a service verify staff tokens, and, for the issuer, sign
	 * them.
	 * @param issuer whether the service issues tokens (onboarding-service)
	 */
	public Map<String, String> properties(boolean issuer) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + this.publicKey);
		properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER);
		if (issuer) {
			properties.put("membership.security.token.issuer.private-key-location", "file:" + this.privateKey);
		}
		return properties;
	}

	/** The same settings as Spring Boot arguments, for a service started as a process. */
	public List<String> arguments(boolean issuer) {
		return properties(issuer).entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toList();
	}

	/** The private key, read back: what signs the tokens (a test forges its own). */
	public PrivateKey signingKey() {
		try {
			String base64 = Files.readString(this.privateKey)
				.replace("-----BEGIN PRIVATE KEY-----", "")
				.replace("-----END PRIVATE KEY-----", "")
				.replaceAll("\\s", "");
			return KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the staff token key " + this.privateKey, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new StackException("Cannot read the staff token key " + this.privateKey + ": " + ex.getMessage(), ex);
		}
	}

	private void generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Files.createDirectories(this.privateKey.getParent());
			write(this.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
			write(this.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
		}
		catch (GeneralSecurityException ex) {
			throw new StackException("Cannot generate the staff token keys: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the staff token keys to " + this.privateKey.getParent(), ex);
		}
	}

	// written aside and moved into place: a reader never sees half a key
	private static void write(Path file, String content, boolean secret) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		if (secret && Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
			// private from its first byte
			Files.createFile(partial,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(partial, content);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
