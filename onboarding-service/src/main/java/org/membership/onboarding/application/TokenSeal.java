package org.membership.onboarding.application;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a status token for the replay of an idempotent submission without storing it in
 * clear: AES-GCM under a key derived from the client's Idempotency-Key and the request's
 * hash. The database holds only the key's hash, so only a client that repeats the same
 * key and body can open it.
 */
final class TokenSeal {

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private TokenSeal() {
	}

	static String seal(String token, String idempotencyKey, String requestHash, SecureRandom random) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, idempotencyKey, requestHash, iv);
			byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java platform", ex);
		}
	}

	static String open(String sealed, String idempotencyKey, String requestHash) {
		byte[] bytes = Base64.getDecoder().decode(sealed);
		byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, idempotencyKey, requestHash, iv);
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The sealed status token does not open with this Idempotency-Key", ex);
		}
	}

	private static Cipher cipher(int mode, String idempotencyKey, String requestHash, byte[] iv)
			throws GeneralSecurityException {
		byte[] key = StatusTokens.sha256("membership-status-token-seal\n" + idempotencyKey + "\n" + requestHash);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
		return cipher;
	}

}
