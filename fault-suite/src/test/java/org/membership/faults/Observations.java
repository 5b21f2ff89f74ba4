package org.membership.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.membership.events.ConsumerGroup;
import org.membership.events.EventTopic;
import org.membership.events.Topics;

/**
 * What the system did, read from where a person or a downstream system would see it: the
 * services' tables (rows), the topics (events, decoded from the Confluent wire format
 * with the contract's schemas), and the mails the SMTP server received. A
 * {@link Snapshot} counts it for a set of flows.
 */
final class Observations {

	/**
	 * The logical events each accepted flow causes, one distinct {@code eventId} each:
	 * the contract promises at-least-once delivery (a record may repeat) and idempotent
	 * consumers, so the same event may lie twice on a topic, but a second event id for
	 * one of these facts is a duplicate fact.
	 */
	static final List<String> EVENTS_PER_FLOW = List.of(Topics.APPLICATION_RECEIVED, Topics.MEMBER_APPROVED,
			Topics.MEMBERSHIP_EFFECTIVE, Topics.ANNOUNCEMENT_PUBLISHED);

	/** The mails each accepted flow causes: acknowledgement, approval, welcome. */
	static final int MAILS_PER_FLOW = 3;

	private final FaultStack stack;

	/**
	 * How many records {@link #eventIds} found for the applications it was asked about.
	 */
	private int lastRecordCount;

	Observations(FaultStack stack) {
		this.stack = stack;
	}

	/** The figures of one fault: what its flows led to, and duplicates anywhere. */
	record Snapshot(int started, int accepted, int listed, int announced, int mailsSent, int duplicateRows,
			int duplicateAnnouncements, int duplicateMails, int duplicateEvents, int lost, int redeliveredRecords,
			int resentMails, List<String> examples) {

		/** Nothing lost, nothing twice. */
		boolean holds() {
			return this.listed == this.accepted && this.announced == this.accepted
					&& this.mailsSent == this.accepted * MAILS_PER_FLOW && this.duplicateRows == 0
					&& this.duplicateAnnouncements == 0 && this.duplicateMails == 0 && this.duplicateEvents == 0
					&& this.lost == 0;
		}

		/** Nothing twice: no second row, announcement, mail or event id. */
		boolean noDuplicates() {
			return this.duplicateRows == 0 && this.duplicateAnnouncements == 0 && this.duplicateMails == 0
					&& this.duplicateEvents == 0;
		}

		/** The counts only, for comparing two snapshots over a quiet window. */
		List<Integer> figures() {
			return List.of(this.started, this.accepted, this.listed, this.announced, this.mailsSent, this.duplicateRows,
					this.duplicateAnnouncements, this.duplicateMails, this.duplicateEvents, this.lost);
		}

	}

	/** Counts everything the flows caused. */
	Snapshot of(Collection<Flow> flows) {
		List<Flow> accepted = flows.stream().filter(Flow::isAccepted).toList();
		Set<String> ids = new HashSet<>();
		accepted.forEach((flow) -> ids.add(flow.applicationId()));
		List<String> examples = new ArrayList<>();

		Map<String, Integer> members = countByApplication(this.stack.schema(FaultStack.DIRECTORY),
				"select application_id, count(*) from member where status = 'MEMBER' group by application_id");
		Map<String, Integer> announcements = countByApplication(this.stack.schema(FaultStack.NOTIFICATION),
				"select cast(application_id as varchar), count(*) from announcement group by application_id");
		Map<String, Integer> notificationRows = countByApplication(this.stack.schema(FaultStack.NOTIFICATION),
				"select cast(application_id as varchar) || ' ' || kind, count(*) from notification group by application_id, kind");
		Map<String, Map<String, Set<String>>> events = eventIds(ids);
		Map<String, List<Mail>> mails = mailsByRecipient();

		int listed = 0;
		int announced = 0;
		int mailsSent = 0;
		int duplicateRows = 0;
		int duplicateAnnouncements = 0;
		int duplicateMails = 0;
		int duplicateEvents = 0;
		int lost = 0;
		int resentMails = 0;
		for (Flow flow : accepted) {
			String id = flow.applicationId();
			int member = members.getOrDefault(id, 0);
			int announcement = announcements.getOrDefault(id, 0);
			listed += Math.min(member, 1);
			announced += Math.min(announcement, 1);
			duplicateRows += Math.max(0, member - 1) + Math.max(0, announcement - 1);
			for (String kind : List.of("ACKNOWLEDGEMENT", "APPROVAL", "WELCOME")) {
				duplicateRows += Math.max(0, notificationRows.getOrDefault(id + " " + kind, 0) - 1);
			}
			boolean complete = member >= 1 && announcement >= 1;
			for (String topic : EVENTS_PER_FLOW) {
				int distinct = events.getOrDefault(topic, Map.of()).getOrDefault(id, Set.of()).size();
				complete &= distinct >= 1;
				if (distinct > 1) {
					duplicateEvents += distinct - 1;
					if (topic.equals(Topics.ANNOUNCEMENT_PUBLISHED)) {
						duplicateAnnouncements += distinct - 1;
					}
					example(examples, distinct + " event ids on " + topic + " for " + id);
				}
			}
			List<Mail> received = mails.getOrDefault(flow.contactEmail(), List.of());
			// one logical mail = one (subject, Message-ID); the same one received again
			// is a
			// resend (SMTP is at least once when a sender dies mid-send), another
			// Message-ID for a subject already received is a duplicate mail
			Set<String> distinctSubjects = new HashSet<>();
			Set<Mail> distinctMails = new HashSet<>(received);
			distinctMails.forEach((mail) -> distinctSubjects.add(mail.subject()));
			mailsSent += Math.min(distinctSubjects.size(), MAILS_PER_FLOW);
			duplicateMails += distinctMails.size() - distinctSubjects.size()
					+ Math.max(0, distinctSubjects.size() - MAILS_PER_FLOW);
			resentMails += received.size() - distinctMails.size();
			if (received.size() != distinctSubjects.size()) {
				example(examples, flow.contactEmail() + " received " + received);
			}
			complete &= distinctSubjects.size() >= MAILS_PER_FLOW;
			if (!complete) {
				lost++;
				example(examples, "incomplete " + id + " (" + flow.organisation() + "): member " + member
						+ ", announcement " + announcement + ", mails " + received);
			}
		}
		int distinctEvents = events.values()
			.stream()
			.flatMap((byApplication) -> byApplication.values().stream())
			.mapToInt(Set::size)
			.sum();
		int redelivered = this.lastRecordCount - distinctEvents;
		return new Snapshot(flows.size(), accepted.size(), listed, announced, mailsSent, duplicateRows,
				duplicateAnnouncements, duplicateMails, duplicateEvents, lost, redelivered, resentMails,
				List.copyOf(examples));
	}

	private static void example(List<String> examples, String example) {
		if (examples.size() < 10) {
			examples.add(example);
		}
	}

	private Map<String, Integer> countByApplication(String schema, String sql) {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection connection = this.stack.database().connect()) {
			connection.setSchema(schema);
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read " + schema + ": " + ex.getMessage(), ex);
		}
		return counts;
	}

	/**
	 * The distinct event ids per topic and application, for the applications given (every
	 * record on the contract topics is read from the beginning).
	 */
	Map<String, Map<String, Set<String>>> eventIds(Set<String> applications) {
		Map<String, Map<String, Set<String>>> ids = new HashMap<>();
		int count = 0;
		for (ConsumerRecord<byte[], byte[]> record : records(Topics.ALL.stream().map(EventTopic::name).toList())) {
			GenericRecord event = decode(record);
			if (event == null) {
				continue;
			}
			String application = String.valueOf(event.get("applicationId"));
			if (applications.contains(application)) {
				count++;
				ids.computeIfAbsent(record.topic(), (topic) -> new HashMap<>())
					.computeIfAbsent(application, (key) -> new HashSet<>())
					.add(String.valueOf(event.get("eventId")));
			}
		}
		this.lastRecordCount = count;
		return ids;
	}

	/** The event of a record, or null when it is not one (a poison record). */
	static GenericRecord decode(ConsumerRecord<byte[], byte[]> record) {
		byte[] value = record.value();
		if (value == null || value.length < 5 || value[0] != 0) {
			return null;
		}
		Schema schema = Topics.ALL.stream()
			.filter((topic) -> topic.name().equals(record.topic()))
			.findFirst()
			.orElseThrow()
			.schema();
		try {
			return new GenericDatumReader<GenericRecord>(schema).read(null,
					DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Every record on {@code topics}, from the beginning to the end they have now. */
	List<ConsumerRecord<byte[], byte[]>> records(List<String> topics) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.broker().bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic, Duration.ofSeconds(30))
					.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			while (ends.entrySet().stream().anyMatch((end) -> consumer.position(end.getKey()) < end.getValue())) {
				consumer.poll(Duration.ofMillis(500)).forEach(found::add);
			}
		}
		return found;
	}

	/**
	 * How many records the consumer groups of the contract have not committed yet, over
	 * every topic they read: zero once everything produced has been applied.
	 */
	long lag() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.broker().bootstrapServers()))) {
			long lag = 0;
			for (ConsumerGroup group : Topics.CONSUMER_GROUPS) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.name())
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				admin.describeTopics(group.topics())
					.allTopicNames()
					.get(10, TimeUnit.SECONDS)
					.forEach((topic, description) -> description.partitions()
						.forEach((partition) -> latest.put(new TopicPartition(topic, partition.partition()),
								OffsetSpec.latest())));
				for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
					OffsetAndMetadata done = committed.get(end.getKey());
					lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
				}
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			return Long.MAX_VALUE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Long.MAX_VALUE;
		}
	}

	/** One mail as received: its subject and {@code Message-ID}. */
	record Mail(String subject, String messageId) {
	}

	/**
	 * Every mail received, by recipient (the SMTP server writes one file per delivery).
	 */
	Map<String, List<Mail>> mailsByRecipient() {
		Map<String, List<Mail>> mails = new HashMap<>();
		Path directory = this.stack.mailDirectory();
		if (!Files.isDirectory(directory)) {
			return mails;
		}
		Session session = Session.getInstance(new Properties());
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".eml")).toList()) {
				String name = file.getFileName().toString();
				// <yyyyMMdd>-<HHmmss>-<number>-<recipient>.eml
				String[] parts = name.substring(0, name.length() - ".eml".length()).split("-", 4);
				String recipient = parts[parts.length - 1];
				try (InputStream in = Files.newInputStream(file)) {
					MimeMessage message = new MimeMessage(session, in);
					mails.computeIfAbsent(recipient, (key) -> new ArrayList<>())
						.add(new Mail(message.getSubject(), message.getMessageID()));
				}
				catch (MessagingException ex) {
					mails.computeIfAbsent(recipient, (key) -> new ArrayList<>())
						.add(new Mail("(unreadable " + name + ")", name));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return mails;
	}

}
