package org.membership.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs staff tokens: RS256 JWTs naming the user ({@code sub}), the issuer ({@code iss}),
 * when they expire ({@code exp}) and the user's roles ({@code roles}, e.g.
 * {@code ["STAFF"]}), which every service maps back to {@code ROLE_STAFF}.
 */
final class StaffTokenIssuer {

	/** The claim that carries the roles, without the {@code ROLE_} prefix. */
	static final String ROLES = "roles";

	private final JwtEncoder encoder;

	private final String issuer;

	private final Duration timeToLive;

	private final Clock clock;

	StaffTokenIssuer(RSAPrivateCrtKey key, String issuer, Duration timeToLive, Clock clock) {
		this.encoder = NimbusJwtEncoder.withKeyPair(publicHalf(key), key).algorithm(SignatureAlgorithm.RS256).build();
		this.issuer = issuer;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/** A token for {@code user}, and how long it is valid. */
	Issued issue(Authentication user) {
		Instant now = this.clock.instant();
		List<String> roles = user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("ROLE_"))
			.map((authority) -> authority.substring("ROLE_".length()))
			.toList();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(user.getName())
			.issuedAt(now)
			.expiresAt(now.plus(this.timeToLive))
			.id(UUID.randomUUID().toString())
			.claim(ROLES, roles)
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		return new Issued(token, this.timeToLive.toSeconds());
	}

	/**
	 * A signed token.
	 *
	 * @param token the compact JWT
	 * @param expiresIn its lifetime in seconds
	 */
	record Issued(String token, long expiresIn) {
	}

	/** Reads a PKCS#8 PEM RSA private key ({@code -----BEGIN PRIVATE KEY-----}). */
	static RSAPrivateCrtKey readPrivateKey(Resource location) {
		try (InputStream in = location.getInputStream()) {
			RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(in);
			if (!(key instanceof RSAPrivateCrtKey crt)) {
				throw new IllegalStateException(location + " holds an RSA private key without its public half");
			}
			return crt;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token signing key " + location, ex);
		}
	}

	// the public half lies in every PKCS#8 RSA key: one file to configure, not two
	private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
