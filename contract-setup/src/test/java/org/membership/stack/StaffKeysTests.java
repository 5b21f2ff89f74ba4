package org.membership.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StaffKeysTests {

	@TempDir
	Path directory;

	@Test
	void areGeneratedOnceAndKept() throws Exception {
		StaffKeys keys = StaffKeys.in(this.directory);
		String publicKey = Files.readString(keys.publicKey());

		assertThat(Files.readString(StaffKeys.in(this.directory).publicKey())).isEqualTo(publicKey);
	}

	@Test
	void onlyTheIssuerIsToldWhereThePrivateKeyIs() {
		StaffKeys keys = StaffKeys.in(this.directory);

		assertThat(keys.properties(false)).containsOnlyKeys(
				"spring.security.oauth2.resourceserver.jwt.public-key-location",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri");
		assertThat(keys.arguments(true)).containsExactly(
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + keys.publicKey(),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + StaffKeys.ISSUER,
				"--membership.security.token.issuer.private-key-location=file:" + keys.privateKey());
	}

	@Test
	void whatTheSigningKeySignsThePublicKeyVerifies() throws Exception {
		StaffKeys keys = StaffKeys.in(this.directory);
		byte[] content = "header.claims".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(keys.signingKey());
		signer.update(content);

		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(publicKey(keys.publicKey()));
		verifier.update(content);

		assertThat(verifier.verify(signer.sign())).isTrue();
	}

	private static PublicKey publicKey(Path pem) throws Exception {
		String base64 = Files.readString(pem)
			.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

}
