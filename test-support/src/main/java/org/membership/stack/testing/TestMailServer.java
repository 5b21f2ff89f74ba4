package org.membership.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free loopback port, shared by
 * every Spring test context like the broker and registry
 * ({@link MailServerContextCustomizerFactory} points the contexts of a module at it when
 * the module registers it in {@code META-INF/spring.factories}). {@link #stop()} and
 * {@link #start()} simulate an outage on the same port.
 */
public final class TestMailServer {

	private static TestMailServer shared;

	private final ServerSetup setup;

	private GreenMail greenMail;

	private TestMailServer(int port) {
		this.setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		start();
	}

	public static synchronized TestMailServer get() {
		if (shared == null) {
			shared = new TestMailServer(freePort());
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-mail-server-shutdown"));
		}
		return shared;
	}

	public int port() {
		return this.setup.getPort();
	}

	public synchronized void start() {
		if (this.greenMail == null) {
			this.greenMail = new GreenMail(this.setup);
			this.greenMail.start();
		}
	}

	/** Stops the server; what it received so far is gone with it. */
	public synchronized void stop() {
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
		}
	}

	/**
	 * The messages received (since the last start) that are addressed to
	 * {@code recipient}.
	 */
	public synchronized List<MimeMessage> messagesTo(String recipient) {
		if (this.greenMail == null) {
			return List.of();
		}
		return Arrays.stream(this.greenMail.getReceivedMessages())
			.filter((message) -> isAddressedTo(message, recipient))
			.toList();
	}

	private static boolean isAddressedTo(MimeMessage message, String recipient) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch((address) -> address.toString().equals(recipient));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
