package org.membership.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for the local stack (GreenMail): it accepts every mail the services
 * send, keeps it readable over IMAP (any user name and password), and writes each one as
 * an {@code .eml} file into a directory a person can open. {@link LocalStack} runs it in
 * a JVM of its own through {@link #main(String[])}.
 */
public final class MailServer implements AutoCloseable {

	/**
	 * Runs the server until the process is stopped.
	 * @param args SMTP port, IMAP port, mail directory
	 */
	public static void main(String[] args) throws InterruptedException {
		MailServer server = new MailServer(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mail-server-shutdown"));
		server.start();
		System.out.println("Mail server: SMTP " + server.smtpPort() + ", IMAP " + server.imapPort() + ", mails in "
				+ server.mailDirectory());
		new CountDownLatch(1).await();
	}

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final int smtpPort;

	private final int imapPort;

	private final Path mailDirectory;

	private GreenMail greenMail;

	private ScheduledExecutorService writer;

	/** Mails of earlier runs already in the directory: numbering goes on after them. */
	private int onDisk;

	/** Mails of this run already written. */
	private int written;

	public MailServer(int smtpPort, int imapPort, Path mailDirectory) {
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
		this.mailDirectory = mailDirectory;
	}

	public synchronized MailServer start() {
		Ports.requireFree(this.smtpPort, "SMTP server");
		Ports.requireFree(this.imapPort, "IMAP server");
		try {
			Files.createDirectories(this.mailDirectory);
			try (var existing = Files.list(this.mailDirectory)) {
				this.onDisk = (int) existing.filter((file) -> file.toString().endsWith(".eml")).count();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(this.smtpPort, Ports.LOOPBACK, "smtp"),
				new ServerSetup(this.imapPort, Ports.LOOPBACK, "imap") })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
		this.written = 0;
		this.writer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mail-writer");
			thread.setDaemon(true);
			return thread;
		});
		this.writer.scheduleWithFixedDelay(this::writeNewMails, 250, 250, TimeUnit.MILLISECONDS);
		return this;
	}

	private synchronized void writeNewMails() {
		MimeMessage[] received = this.greenMail.getReceivedMessages();
		for (; this.written < received.length; this.written++) {
			MimeMessage message = received[this.written];
			Path file = this.mailDirectory.resolve(String.format("%s-%04d-%s.eml",
					LocalDateTime.now().format(FILE_TIME), this.onDisk + this.written + 1, recipient(message)));
			try (OutputStream out = Files.newOutputStream(file)) {
				message.writeTo(out);
			}
			catch (IOException | MessagingException ex) {
				System.err.println("[run-local] Could not write mail to " + file + ": " + ex.getMessage());
			}
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			String address = (to == null || to.length == 0) ? "unknown" : to[0].toString();
			return address.replaceAll("[^A-Za-z0-9@._-]", "_");
		}
		catch (MessagingException ex) {
			return "unknown";
		}
	}

	public synchronized void stop() {
		if (this.writer != null) {
			this.writer.shutdownNow();
			this.writer = null;
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public int imapPort() {
		return this.imapPort;
	}

	/** Where every received mail is written as an {@code .eml} file. */
	public Path mailDirectory() {
		return this.mailDirectory;
	}

}
