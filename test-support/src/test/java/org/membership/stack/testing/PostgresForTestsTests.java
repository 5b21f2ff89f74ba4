package org.membership.stack.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The choice of server for the {@code postgres} test profile. The container itself is
 * exercised by the PostgreSQL suite of {@code .ci/run}, which runs in container mode.
 */
class PostgresForTestsTests {

	private final String mode = System.getProperty(PostgresForTests.MODE);

	@AfterEach
	void restoreTheMode() {
		if (this.mode != null) {
			System.setProperty(PostgresForTests.MODE, this.mode);
		}
		else {
			System.clearProperty(PostgresForTests.MODE);
		}
	}

	@Test
	void theLocalServerKeepsTheProfilesUrl() {
		System.setProperty(PostgresForTests.MODE, "local");
		assertThat(PostgresForTests.datasource("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=onboarding"))
			.isEmpty();
	}

	@Test
	void autoUsesALocalServerThatAnswers() throws IOException {
		System.setProperty(PostgresForTests.MODE, "auto");
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThat(PostgresForTests
				.datasource("jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/test?currentSchema=directory"))
				.isEmpty();
		}
	}

	@Test
	void anUnknownModeIsNamedInTheError() {
		System.setProperty(PostgresForTests.MODE, "remote");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PostgresForTests.datasource("jdbc:postgresql://127.0.0.1:5432/test"))
			.withMessageContaining("-Dmembership.test.postgres is local, container or auto, not 'remote'");
	}

}
