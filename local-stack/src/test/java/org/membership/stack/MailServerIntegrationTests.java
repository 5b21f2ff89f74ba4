package org.membership.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's mail sink under load: many senders, many recipients, each mail
 * written to disk exactly once, and memory bounded whatever the number of mails.
 */
class MailServerIntegrationTests {

	private static final int MAILS = 400;

	private static final int IMAP_CAPACITY = 50;

	@TempDir
	Path mails;

	@Test
	void writesEveryMailExactlyOnceWhenManyClientsSendToManyRecipientsAtOnce() throws Exception {
		try (MailServer server = new MailServer(Ports.free(), Ports.free(), this.mails, IMAP_CAPACITY).start()) {
			Session session = Session.getInstance(smtp(server.smtpPort()));
			ExecutorService senders = Executors.newFixedThreadPool(16);
			try {
				List<Future<?>> sent = IntStream.range(0, MAILS)
					.mapToObj((i) -> senders.submit(() -> send(session, i)))
					.collect(Collectors.toList());
				for (Future<?> each : sent) {
					each.get();
				}
			}
			finally {
				senders.shutdown();
			}

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(emlFiles()).hasSize(MAILS));
			Map<String, Long> filesPerMessageId = emlFiles().stream()
				.map(MailServerIntegrationTests::messageId)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(filesPerMessageId).hasSize(MAILS);
			assertThat(filesPerMessageId.values()).containsOnly(1L);
			assertThat(server.mailsInMemory()).isEqualTo(IMAP_CAPACITY);
		}
	}

	@Test
	void numbersFilesOnAfterTheMailsOfAnEarlierRun() throws Exception {
		try (MailServer first = new MailServer(Ports.free(), Ports.free(), this.mails, IMAP_CAPACITY).start()) {
			send(Session.getInstance(smtp(first.smtpPort())), 1);
		}
		try (MailServer second = new MailServer(Ports.free(), Ports.free(), this.mails, IMAP_CAPACITY).start()) {
			send(Session.getInstance(smtp(second.smtpPort())), 2);
		}

		assertThat(emlFiles()).extracting((file) -> file.getFileName().toString())
			.anyMatch((name) -> name.contains("-0001-member1@"))
			.anyMatch((name) -> name.contains("-0002-member2@"));
	}

	private static Properties smtp(int port) {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", Ports.LOOPBACK);
		properties.put("mail.smtp.port", Integer.toString(port));
		return properties;
	}

	private static Void send(Session session, int i) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("membership@association.example"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("member" + i + "@example.org"));
		message.setSubject("Mail " + i);
		message.setText("Mail number " + i);
		Transport.send(message);
		return null;
	}

	private List<Path> emlFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.mails)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).toList();
		}
	}

	private static String messageId(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(null, in).getMessageID();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
