package org.membership.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: free ones for tests, and clear errors when a fixed one is taken. */
public final class Ports {

	/** Every process of the stack listens on this address only. */
	public static final String LOOPBACK = "127.0.0.1";

	private Ports() {
	}

	/** A port that is free on the loopback address right now. */
	public static int free() {
		try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
