package org.membership.onboarding.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StatusTokensTests {

	@Test
	void tokensCarry256BitsFromTheInjectedSourceAndOnlyTheirHashMatches() throws Exception {
		SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
		seeded.setSeed(42);
		StatusTokens tokens = new StatusTokens(seeded);

		String token = tokens.generate();

		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
		assertThat(StatusTokens.matches(token, StatusTokens.hash(token))).isTrue();
		assertThat(StatusTokens.matches(token + "x", StatusTokens.hash(token))).isFalse();
		assertThat(StatusTokens.matches(null, StatusTokens.hash(token))).isFalse();
		assertThat(StatusTokens.hash(token)).hasSize(64).doesNotContain(token);
	}

	@Test
	void tokensDoNotRepeat() {
		StatusTokens tokens = new StatusTokens(new SecureRandom());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			assertThat(seen.add(tokens.generate())).isTrue();
		}
	}

	@Test
	void aSealedTokenOpensOnlyWithTheSameIdempotencyKeyAndRequest() {
		String sealed = TokenSeal.seal("the-token", "key-1", "hash-1", new SecureRandom());

		assertThat(sealed).doesNotContain("the-token");
		assertThat(TokenSeal.open(sealed, "key-1", "hash-1")).isEqualTo("the-token");
		assertThatIllegalStateException().isThrownBy(() -> TokenSeal.open(sealed, "key-2", "hash-1"));
	}

}
