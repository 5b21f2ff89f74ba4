package org.membership.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;

/**
 * A real SMTP server for the local stack (GreenMail): it accepts every mail the services
 * send and writes each delivery as an {@code .eml} file into a directory a person can
 * open, at the moment GreenMail delivers it (a delivery hook, so each mail is written
 * exactly once, however many recipients and senders there are). The newest
 * {@code imapCapacity} mails also stay readable over IMAP (any user name and password);
 * older ones are dropped from memory, their files stay. {@link LocalStack} runs it in a
 * JVM of its own through {@link #main(String[])}.
 */
public final class MailServer implements AutoCloseable {

	/** How many mails stay readable over IMAP by default; the files keep them all. */
	public static final int DEFAULT_IMAP_CAPACITY = 1000;

	/**
	 * Runs the server until the process is stopped.
	 * @param args SMTP port, IMAP port, mail directory
	 */
	public static void main(String[] args) throws InterruptedException {
		MailServer server = new MailServer(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]),
				DEFAULT_IMAP_CAPACITY);
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mail-server-shutdown"));
		server.start();
		System.out.println("Mail server: SMTP " + server.smtpPort() + ", IMAP " + server.imapPort() + ", mails in "
				+ server.mailDirectory());
		new CountDownLatch(1).await();
	}

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Flags DELETED = new Flags(Flags.Flag.DELETED);

	private final int smtpPort;

	private final int imapPort;

	private final Path mailDirectory;

	private final int imapCapacity;

	/** The mailbox of each delivery still held for IMAP, oldest first. */
	private final Deque<GreenMailUser> heldForImap = new ArrayDeque<>();

	private GreenMail greenMail;

	/**
	 * Number of the last mail written; numbering goes on after the files of earlier runs.
	 */
	private long lastNumber;

	public MailServer(int smtpPort, int imapPort, Path mailDirectory, int imapCapacity) {
		if (imapCapacity < 1) {
			throw new IllegalArgumentException("imapCapacity must be at least 1");
		}
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
		this.mailDirectory = mailDirectory;
		this.imapCapacity = imapCapacity;
	}

	public synchronized MailServer start() {
		Ports.requireFree(this.smtpPort, "SMTP server");
		Ports.requireFree(this.imapPort, "IMAP server");
		try {
			Files.createDirectories(this.mailDirectory);
			try (var existing = Files.list(this.mailDirectory)) {
				this.lastNumber = existing.filter((file) -> file.toString().endsWith(".eml")).count();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(this.smtpPort, Ports.LOOPBACK, "smtp"),
				new ServerSetup(this.imapPort, Ports.LOOPBACK, "imap") })
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		this.greenMail.start();
		var users = this.greenMail.getUserManager();
		MessageDeliveryHandler mailbox = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, recipient) -> deliver(mailbox, message, recipient));
		return this;
	}

	/**
	 * Called by GreenMail once per recipient of each received mail (deliveries are
	 * serialised by its SMTP manager; this lock makes it so whatever the version).
	 */
	private synchronized GreenMailUser deliver(MessageDeliveryHandler mailbox, MovingMessage message,
			MailAddress recipient) throws MessagingException, UserException {
		write(message, recipient);
		GreenMailUser user = mailbox.handle(message, recipient);
		this.heldForImap.addLast(user);
		while (this.heldForImap.size() > this.imapCapacity) {
			dropOldest(this.heldForImap.removeFirst());
		}
		return user;
	}

	private void write(MovingMessage message, MailAddress recipient) {
		long number = ++this.lastNumber;
		Path file = this.mailDirectory.resolve(String.format("%s-%04d-%s.eml", LocalDateTime.now().format(FILE_TIME),
				number, recipient.getEmail().replaceAll("[^A-Za-z0-9@._-]", "_")));
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
			message.getMessage().writeTo(out);
		}
		catch (IOException | MessagingException ex) {
			System.err.println("[run-local] Could not write mail to " + file + ": " + ex.getMessage());
		}
	}

	/** Removes the oldest mail of {@code user}'s inbox from memory (its file stays). */
	private void dropOldest(GreenMailUser user) {
		try {
			MailFolder inbox = this.greenMail.getManagers().getImapHostManager().getInbox(user);
			long[] uids = inbox.getMessageUids();
			if (uids.length > 0) {
				inbox.setFlags(DELETED, true, uids[0], null, false);
				inbox.expunge();
			}
		}
		catch (FolderException ex) {
			System.err.println("[run-local] Could not drop an old mail from memory: " + ex.getMessage());
		}
	}

	/** How many mails are held in memory for IMAP, over all mailboxes. */
	public synchronized int mailsInMemory() {
		return this.greenMail.getReceivedMessages().length;
	}

	public synchronized void stop() {
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
