package org.membership.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Free ports for processes that bind them later. */
class PortsTests {

	@Test
	void freePortsLieBelowTheEphemeralRangeAreDistinctAndCanBeBound() throws IOException {
		int ephemeral = Ports.ephemeralRangeStart();
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			int port = Ports.free();
			assertThat(port).isBetween(Ports.LOWEST, ephemeral - 1);
			assertThat(ports.add(port)).as("handed out once: %d", port).isTrue();
		}
		for (int port : ports.stream().limit(20).toList()) {
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), port));
				assertThat(socket.getLocalPort()).isEqualTo(port);
			}
		}
	}

	@Test
	void theEphemeralRangeIsTheKernels() {
		assertThat(Ports.ephemeralRangeStart()).isGreaterThan(1024).isLessThanOrEqualTo(65535);
	}

}
