package org.membership.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: free ones for tests, and clear errors when a fixed one is taken. */
public final class Ports {

	/** Every process of the stack listens on this address only. */
	public static final String LOOPBACK = "127.0.0.1";

	/** Free ports are chosen from here up: above the well-known services' ports. */
	static final int LOWEST = 10000;

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private Ports() {
	}

	/**
	 * A port that is free on the loopback address now, below the kernel's ephemeral
	 * range, and not handed out before by this JVM. The port is bound later by another
	 * process (a child JVM, a container's published port), seconds or a minute on: a port
	 * from the ephemeral range could meanwhile be taken by any outgoing connection of the
	 * machine (it happened to a published port of the compose test: "port is already
	 * allocated"), one below it cannot.
	 */
	public static int free() {
		int below = ephemeralRangeStart();
		for (int attempt = 0; attempt < 200 && below > LOWEST + 1000; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
			if (!HANDED_OUT.contains(port) && isBindable(port) && HANDED_OUT.add(port)) {
				return port;
			}
		}
		// an unusual range: a port the kernel chooses (from the ephemeral range)
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(LOOPBACK))) {
			HANDED_OUT.add(socket.getLocalPort());
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The first port of the kernel's ephemeral range (Linux:
	 * {@code /proc/sys/net/ipv4/ip_local_port_range}), 32768 where it cannot be read.
	 */
	static int ephemeralRangeStart() {
		try {
			// line by line: Files.readString gets only "3" of "32768 60999" from this
			// file here (procfs reports a size of 0)
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip();
			return Integer.parseInt(range.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32768;
		}
	}

	private static boolean isBindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Fails with a message a person can act on when {@code port} is already taken. */
	public static void requireFree(int port, String purpose) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
		}
		catch (IOException ex) {
			throw new StackException("Port " + port + " (" + purpose + ") is already in use on " + LOOPBACK
					+ ". Stop whatever listens there (`ss -ltnp 'sport = :" + port + "'` shows it) and try again.");
		}
	}

	/** Whether something accepts connections on {@code port}. */
	static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
