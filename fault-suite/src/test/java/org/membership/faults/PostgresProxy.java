package org.membership.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.membership.stack.Ports;

/**
 * A TCP proxy between the onboarding instances and PostgreSQL that a test can cut: while
 * cut it refuses new connections (nothing listens on its port) and has dropped every open
 * one, as a database host that went away; restored, it listens again on the same port.
 * <p>
 * Hand-written and kept small on purpose: the fault proxies on Maven Central (Toxiproxy's
 * Java client, for one) only drive a proxy server binary, which this build cannot run.
 * Two threads per connection copy bytes; it is a test fixture, not a network component.
 */
final class PostgresProxy implements AutoCloseable {

	private final int port;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	PostgresProxy(String targetHost, int targetPort) {
		this.port = Ports.free();
		this.targetHost = targetHost;
		this.targetPort = targetPort;
	}

	int port() {
		return this.port;
	}

	/** Listens (again) on {@link #port()}. */
	synchronized PostgresProxy restore() {
		if (this.server != null) {
			return this;
		}
		try {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), this.port));
			this.server = listening;
			Thread.ofPlatform().daemon().name("postgres-proxy-accept").start(() -> accept(listening));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Refuses new connections and drops every open one. */
	synchronized void cut() {
		if (this.server != null) {
			closeQuietly(this.server);
			this.server = null;
		}
		this.open.forEach(PostgresProxy::closeQuietly);
		this.open.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket database = new Socket(this.targetHost, this.targetPort);
				this.open.add(client);
				this.open.add(database);
				pump(client, database);
				pump(database, client);
			}
			catch (IOException ex) {
				// closed by cut(), or the database refused: the client sees its socket
				// close
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread.ofVirtual().start(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed: close the other too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		});
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
