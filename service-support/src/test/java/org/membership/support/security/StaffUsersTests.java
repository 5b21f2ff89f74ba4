package org.membership.support.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StaffUsersTests {

	// cost 4: these tests check formats, not the work factor
	private static final PasswordEncoder ENCODER = new DelegatingPasswordEncoder("bcrypt",
			Map.of("bcrypt", new BCryptPasswordEncoder(4)));

	private static final String HASH = ENCODER.encode("clerk-password");

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	@Test
	void bcryptHashesMakeStaffAndOtherUsers() {
		List<UserDetails> users = users(Map.of("clerk", HASH), Map.of("viewer", HASH), "chosen");

		assertThat(users).extracting(UserDetails::getUsername).containsExactlyInAnyOrder("clerk", "staff", "viewer");
		assertThat(roles(users, "clerk")).containsExactly("ROLE_STAFF");
		assertThat(roles(users, "staff")).containsExactly("ROLE_STAFF");
		assertThat(roles(users, "viewer")).containsExactly("ROLE_USER");
		assertThat(ENCODER.matches("chosen", user(users, "staff").getPassword())).isTrue();
		assertThat(ENCODER.matches("clerk-password", user(users, "clerk").getPassword())).isTrue();
	}

	@Test
	void aNoopPasswordIsRefusedWithoutShowingIt() {
		assertThatIllegalStateException().isThrownBy(() -> users(Map.of("clerk", "{noop}secret-1"), Map.of(), "x"))
			.withMessageStartingWith("membership.security.users.clerk must be a bcrypt hash")
			.withMessageContaining("found a {noop} password")
			.withMessageNotContaining("secret-1");
	}

	@Test
	void aPasswordWhereItsHashBelongsIsRefusedWithoutShowingIt() {
		assertThatIllegalStateException().isThrownBy(() -> users(Map.of(), Map.of("viewer", "secret-2"), "x"))
			.withMessageStartingWith("membership.security.other-users.viewer must be a bcrypt hash")
			.withMessageNotContaining("secret-2");
	}

	@Test
	void otherSchemesAndMalformedBcryptAreRefused() {
		for (String hash : List.of("{sha256}abc", "{pbkdf2}abc", "{bcrypt}secret-3", "$2a$10$" + "a".repeat(53),
				HASH.substring(0, HASH.length() - 1))) {
			assertThatIllegalStateException().as(hash)
				.isThrownBy(() -> users(Map.of("clerk", hash), Map.of(), "x"))
				.withMessageNotContaining("secret-3");
		}
	}

	@Test
	void withoutAStaffPasswordOneIsGeneratedAndPrintedOnTheConsole() {
		List<UserDetails> users = users(Map.of(), Map.of(), "");

		String printed = this.console.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("STAFF_PASSWORD is not set");
		String password = printed.substring(printed.lastIndexOf(' ') + 1).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(ENCODER.matches(password, user(users, "staff").getPassword())).isTrue();
	}

	@Test
	void aStaffUserFromTheHashesNeedsNoGeneratedPassword() {
		List<UserDetails> users = users(Map.of("staff", HASH), Map.of(), "");

		assertThat(this.console.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(ENCODER.matches("clerk-password", user(users, "staff").getPassword())).isTrue();
	}

	@Test
	void theStaffPasswordWinsOverAHashOfTheStaffUser() {
		List<UserDetails> users = users(Map.of("staff", HASH), Map.of(), "from-the-environment");

		assertThat(ENCODER.matches("from-the-environment", user(users, "staff").getPassword())).isTrue();
	}

	@Test
	void aUserCannotBeStaffAndNotStaff() {
		assertThatIllegalStateException().isThrownBy(() -> users(Map.of("clerk", HASH), Map.of("clerk", HASH), "x"))
			.withMessageContaining("other-users.clerk");
	}

	private List<UserDetails> users(Map<String, String> staff, Map<String, String> others, String staffPassword) {
		return StaffUsers.of(new StaffSecurityProperties(staff, others, staffPassword, null), ENCODER,
				new PrintStream(this.console, true, StandardCharsets.UTF_8));
	}

	private static UserDetails user(List<UserDetails> users, String name) {
		return users.stream().filter((user) -> user.getUsername().equals(name)).findFirst().orElseThrow();
	}

	private static List<String> roles(List<UserDetails> users, String name) {
		return user(users, name).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
