package org.membership.support.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of a service, from {@link StaffSecurityProperties}. Only bcrypt hashes are
 * accepted: anything else (a {@code {noop}} password, a hash of another scheme, a
 * password written where its hash belongs) stops the start-up with a message naming the
 * user and never the value.
 */
final class StaffUsers {

	/** The user whose password comes from {@code STAFF_PASSWORD}. */
	static final String STAFF_USER = "staff";

	private static final String BCRYPT = "{bcrypt}";

	private static final Pattern BCRYPT_HASH = Pattern
		.compile("\\{bcrypt}\\$2[aby]?\\$(0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}");

	private static final Pattern ENCODING_ID = Pattern.compile("^\\{[^}]*}");

	private StaffUsers() {
	}

	/**
	 * The users: {@code staff} with {@code staffPassword} (generated and printed on
	 * {@code console} when empty, unless {@code users} defines {@code staff}), the STAFF
	 * users and the other users.
	 * @throws IllegalStateException when a hash is not a bcrypt hash or a user is defined
	 * twice
	 */
	static List<UserDetails> of(StaffSecurityProperties properties, PasswordEncoder encoder, PrintStream console) {
		Map<String, UserDetails> users = new LinkedHashMap<>();
		properties.users().forEach((name, hash) -> {
			// STAFF_PASSWORD, when given, is the staff user's password wherever it is set
			if (!(name.equals(STAFF_USER) && !properties.staffPassword().isBlank())) {
				users.put(name, user(name, hash, "users", StaffSecurityRules.STAFF));
			}
		});
		if (!users.containsKey(STAFF_USER)) {
			String password = properties.staffPassword();
			if (password.isBlank()) {
				password = generatedPassword();
				// the console, not a logger: a log file keeps it, and logs travel
				console.println("membership: STAFF_PASSWORD is not set; the user '" + STAFF_USER
						+ "' has this password until the service stops: " + password);
			}
			users.put(STAFF_USER,
					User.withUsername(STAFF_USER)
						.password(encoder.encode(password))
						.roles(StaffSecurityRules.STAFF)
						.build());
		}
		properties.otherUsers().forEach((name, hash) -> {
			if (users.containsKey(name)) {
				throw new IllegalStateException("membership.security.other-users." + name
						+ ": the user is already a staff user (membership.security.users or STAFF_PASSWORD)");
			}
			users.put(name, user(name, hash, "other-users", "USER"));
		});
		return new ArrayList<>(users.values());
	}

	private static UserDetails user(String name, String hash, String property, String... roles) {
		requireBcrypt("membership.security." + property + "." + name, hash);
		return User.withUsername(name).password(hash).roles(roles).build();
	}

	/**
	 * Refuses anything but a well-formed {@code {bcrypt}} hash, naming the setting and,
	 * at most, the scheme it found (the value itself may be a password).
	 */
	static void requireBcrypt(String setting, String hash) {
		if (hash != null && BCRYPT_HASH.matcher(hash).matches()) {
			return;
		}
		var scheme = (hash != null) ? ENCODING_ID.matcher(hash) : null;
		String found = (scheme != null && scheme.find() && !scheme.group().equals(BCRYPT))
				? "a " + scheme.group() + " password" : "something else (not shown: it may be a password)";
		throw new IllegalStateException(setting + " must be a bcrypt hash written {bcrypt}$2a$10$... (53 characters"
				+ " after the cost), found " + found
				+ ". Make one with: htpasswd -nbBC 10 '' 'the password' | cut -d: -f2");
	}

	private static String generatedPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
