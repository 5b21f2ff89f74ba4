package org.membership.stack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.membership.events.EventTopic;
import org.membership.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** What {@code ./run-local} does, on free ports and a temporary data directory. */
class LocalStackIntegrationTests {

	@Test
	void startsBrokerAndRegistryWithTheContractStopsWithoutLeftoversAndKeepsItsData(@TempDir Path data)
			throws Exception {
		LocalStack.Config config = config(data);
		Set<Long> before = childPids();

		LocalStack first = new LocalStack(config);
		Map<String, Integer> schemaIds;
		try {
			first.start();
			assertThat(topics(first)).containsAll(TopicSetup.topicNames());
			SchemaRegistrar registrar = new SchemaRegistrar(first.registry().confluentCompatibleUrl());
			assertThat(registrar.subjects()).containsAll(Topics.ALL.stream().map(EventTopic::valueSubject).toList());
			schemaIds = registrar.registerContract();
			assertThat(first.banner()).contains(first.broker().bootstrapServers(), first.registry().baseUrl(),
					first.mail().mailDirectory().toString(), "staff / secret");

			GreenMailUtil.sendTextEmail("andrei.kelemen@example.org", "onboarding@example.org", "Welcome", "Hello",
					new ServerSetup(first.mail().smtpPort(), Ports.LOOPBACK, "smtp"));
			Path mails = first.mail().mailDirectory();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(mails).isDirectoryContaining("glob:**/*andrei.kelemen@example.org.eml"));
			try (var files = Files.list(mails)) {
				assertThat(Files.readString(files.findFirst().orElseThrow())).contains("Subject: Welcome");
			}
		}
		finally {
			first.stop();
		}
		assertThat(childPids()).isEqualTo(before);

		LocalStack second = new LocalStack(config);
		try {
			second.start();
			// the same schema ids: the registry's H2 file and Kafka's metadata survived
			assertThat(new SchemaRegistrar(second.registry().confluentCompatibleUrl()).registerContract())
				.isEqualTo(schemaIds);
			assertThat(topics(second)).containsAll(TopicSetup.topicNames());
		}
		finally {
			second.stop();
		}
		assertThat(childPids()).isEqualTo(before);
	}

	@Test
	void aTakenPortGivesAMessageThatNamesIt(@TempDir Path data) throws Exception {
		try (var taken = new ServerSocket(0, 0, InetAddress.getByName(Ports.LOOPBACK))) {
			LocalStack.Config free = config(data);
			LocalStack.Config clash = new LocalStack.Config(free.root(), free.dataDirectory(),
					new KafkaBroker.Settings(taken.getLocalPort(), Ports.free(), data.resolve("kafka"), 3,
							free.kafka().classPath()),
					free.registry(), Ports.free(), Ports.free(), List.of(), "secret");
			assertThatExceptionOfType(StackException.class).isThrownBy(() -> new LocalStack(clash).start())
				.withMessageContaining("Port " + taken.getLocalPort())
				.withMessageContaining("Kafka broker");
		}
	}

	private static LocalStack.Config config(Path data) {
		return new LocalStack.Config(data, data.resolve(".data"),
				new KafkaBroker.Settings(Ports.free(), Ports.free(), data.resolve(".data/kafka"), 3,
						System.getProperty("java.class.path")),
				new SchemaRegistry.Settings(Ports.free(), Ports.free(), data.resolve(".data/registry"), true),
				Ports.free(), Ports.free(), LocalStack.SERVICES, "secret");
	}

	private static Set<String> topics(LocalStack stack) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()))) {
			return admin.listTopics().names().get(10, TimeUnit.SECONDS);
		}
	}

	/** Children of this JVM other than those of the shared test infrastructure. */
	private static Set<Long> childPids() {
		return ProcessHandle.current()
			.children()
			.filter(ProcessHandle::isAlive)
			.map(ProcessHandle::pid)
			.collect(Collectors.toSet());
	}

}
