package org.membership.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.membership.stack.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code docker-compose.yml} itself, as an operator runs it: every container from the
 * images that {@code docker/offline/build-images.sh} builds with no container registry,
 * started by Testcontainers' {@link ComposeContainer} through the local
 * {@code docker compose}, each health check awaited. The reference story is then played
 * through the public interfaces only: HTTP, the SMTP server's inbox, and Kafka read
 * through the registry's Confluent-compatible API. Then the Kafka container is stopped in
 * the middle of a membership, and a decision taken during the outage still reaches the
 * directory.
 * <p>
 * Without Docker, compose or the offline images the tests are skipped, each with the
 * reason (in the surefire report); with {@code -Dcompose.tests.required=true} (as
 * {@code .ci/run} sets) they fail instead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeSystemTests {

	private static final Path ROOT = Repository.ROOT;

	private static final Path IMAGES = ROOT.resolve("docker/offline/target/images.env");

	private static final Path LOGS = ROOT.resolve("system-tests/target/compose-logs");

	private static final String STAFF_PASSWORD = "compose-" + Long.toHexString(System.nanoTime());

	/**
	 * The superuser's and each database role's, as scripts/compose-env.sh would write
	 * them.
	 */
	private static final Map<String, String> DATABASE_PASSWORDS = Map.of("POSTGRES_PASSWORD",
			"postgres-" + Long.toHexString(System.nanoTime()), "ONBOARDING_DB_PASSWORD",
			"onboarding-" + Long.toHexString(System.nanoTime()), "DIRECTORY_DB_PASSWORD",
			"directory-" + Long.toHexString(System.nanoTime()), "NOTIFICATION_DB_PASSWORD",
			"notification-" + Long.toHexString(System.nanoTime()), "REGISTRY_DB_PASSWORD",
			"registry-" + Long.toHexString(System.nanoTime()));

	private static final String CONTACT = "andrei.kelemen@example.org";

	private static final List<String> HEALTH_CHECKED = List.of("kafka", "postgres", "registry", "mail",
			"onboarding-service", "directory-service", "notification-service");

	/** Each container's output, as it comes. */
	private static final Map<String, Writer> LOG_FILES = new ConcurrentHashMap<>();

	private static ComposeContainer compose;

	private static Map<String, Integer> ports;

	private static PublicApi api;

	/** Why the compose stack cannot run here, or null. */
	private static String unavailable;

	@BeforeAll
	static void startTheComposeStack() throws Exception {
		Map<String, String> images;
		try {
			images = prepareTheImages();
		}
		catch (Unavailable ex) {
			if (Boolean.getBoolean("compose.tests.required")) {
				fail("ComposeSystemTests cannot run: " + ex.getMessage());
			}
			unavailable = ex.getMessage();
			return;
		}
		ports = new LinkedHashMap<>();
		for (String variable : List.of("KAFKA_PORT", "REGISTRY_PORT", "MAIL_WEB_PORT", "ONBOARDING_PORT",
				"DIRECTORY_PORT", "NOTIFICATION_PORT")) {
			ports.put(variable, Ports.free());
		}
		Map<String, String> environment = new LinkedHashMap<>(images);
		ports.forEach((variable, port) -> environment.put(variable, port.toString()));
		environment.put("STAFF_PASSWORD", STAFF_PASSWORD);
		environment.putAll(DATABASE_PASSWORDS);

		compose = new ComposeContainer("membership-system-test-", ROOT.resolve("docker-compose.yml").toFile(),
				ROOT.resolve("docker/offline/compose.offline.yml").toFile())
			.withEnv(environment)
			// the images exist locally; a pull would wait for an unreachable registry
			.withPull(false)
			.withStartupTimeout(Duration.ofMinutes(5));
		for (String service : HEALTH_CHECKED) {
			compose.waitingFor(service, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(5)))
				.withLogConsumer(service, (frame) -> log(service, frame.getUtf8String()));
		}
		compose.start();
		api = new PublicApi(local("ONBOARDING_PORT"), local("DIRECTORY_PORT"), local("NOTIFICATION_PORT"),
				STAFF_PASSWORD);
	}

	@BeforeEach
	void skipWhereTheStackCannotRun() {
		// each test is reported skipped, with the reason: an abort in @BeforeAll would
		// report no test at all
		Assumptions.assumeTrue(unavailable == null, () -> "ComposeSystemTests skipped: " + unavailable);
	}

	@AfterAll
	static void removeIt() {
		if (compose != null) {
			// docker compose down, volumes included
			compose.stop();
		}
		for (Writer log : LOG_FILES.values()) {
			try {
				log.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Test
	@Order(0)
	void withoutTheOfflineImagesTheFileNamesTheUpstreamOnesAndAsksForEveryPassword() throws Exception {
		// what a user with access to the registries runs: every default resolves
		Map<String, String> passwords = new LinkedHashMap<>(DATABASE_PASSWORDS);
		passwords.put("STAFF_PASSWORD", "chosen-by-the-operator");
		String config = composeConfig(passwords);
		assertThat(config).contains("image: apache/kafka:4.1.2", "image: postgres:17.6",
				"image: apicurio/apicurio-registry:3.3.3", "image: axllent/mailpit:v1.27",
				"image: membership/onboarding-service:latest", "published: \"8081\"", "host_ip: 127.0.0.1");
		// and nothing starts with a staff user or a database role that has no password
		for (String password : passwords.keySet()) {
			Map<String, String> withoutIt = new LinkedHashMap<>(passwords);
			withoutIt.remove(password);
			assertThat(composeConfig(withoutIt)).as(password).contains("set " + password);
		}
	}

	@Test
	@Order(1)
	void clujItClusterJoinsDigitalSmeAsAFullMember() throws Exception {
		HttpResponse<String> submitted = api.apply(PublicApi.clujItClusterApplication(CONTACT));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String id = PublicApi.json(submitted).get("id").asString();
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(mailSubjects(CONTACT))
				.contains("DIGITAL SME: we have received the membership application of CLUJ IT Cluster"));

		HttpResponse<String> approved = api.approve(id, "FULL", LocalDate.of(2023, 1, 1));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			assertThat(api.searchMembers("cluj")).contains(id);
			JsonNode member = PublicApi.json(api.member(id));
			assertThat(member.get("name").asString()).isEqualTo("CLUJ IT Cluster");
			assertThat(member.get("tier").asString()).isEqualTo("FULL");
			assertThat(member.get("memberSince").asString()).isEqualTo("2023-01-01");
		});
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(api.announcementFeed())
				.contains("DIGITAL SME welcomes CLUJ IT Cluster as a Full Member")
				// the links point where the compose file publishes the service
				.contains(local("NOTIFICATION_PORT") + "/announcements"));
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(mailSubjects(CONTACT)).contains(
					"DIGITAL SME: CLUJ IT Cluster is approved as a Full Member",
					"Welcome to DIGITAL SME, CLUJ IT Cluster"));

		// a system downstream reads the story from Kafka, through the registry
		try (DownstreamConsumer consumer = new DownstreamConsumer("localhost:" + ports.get("KAFKA_PORT"),
				local("REGISTRY_PORT") + "/apis/ccompat/v7")) {
			List<DownstreamConsumer.Event> seen = new ArrayList<>();
			await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
				seen.addAll(consumer.poll());
				assertThat(seen).filteredOn((event) -> id.equals(event.field("applicationId")))
					.extracting(DownstreamConsumer.Event::type)
					.contains("ApplicationReceived", "MemberApproved", "MembershipEffective", "AnnouncementPublished");
			});
			assertThat(seen).filteredOn((event) -> id.equals(event.field("applicationId")))
				.allSatisfy((event) -> assertThat(event.key()).isEqualTo(id));
		}
	}

	@Test
	@Order(1)
	void oneStaffTokenFromOnboardingOpensTheStaffEndpointsOfEveryService() throws Exception {
		assertThat(api.staffEndpointStatuses(api.staffToken())).containsExactly(200, 200, 200);
		assertThat(api.staffEndpointStatuses(null)).containsExactly(401, 401, 401);
	}

	@Test
	@Order(2)
	void aDecisionTakenWhileKafkaIsDownReachesTheDirectoryOnceItIsBack() throws Exception {
		String id = api.submit("Outage Proof Association", "outage@example.org");
		await().atMost(Duration.ofMinutes(2))
			.untilAsserted(() -> assertThat(mailSubjects("outage@example.org"))
				.contains("DIGITAL SME: we have received the membership application of Outage Proof Association"));

		ContainerState kafka = compose.getContainerByServiceName("kafka").orElseThrow();
		DockerClient docker = DockerClientFactory.instance().client();
		docker.stopContainerCmd(kafka.getContainerId()).withTimeout(30).exec();
		try {
			// the decision is taken and kept: the event waits in onboarding's outbox
			HttpResponse<String> approved = api.approve(id, "ASSOCIATE", LocalDate.of(2024, 3, 1));
			assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
			assertThat(api.member(id).statusCode()).isEqualTo(404);
		}
		finally {
			docker.startContainerCmd(kafka.getContainerId()).exec();
		}

		await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
			HttpResponse<String> member = api.member(id);
			assertThat(member.statusCode()).isEqualTo(200);
			assertThat(PublicApi.json(member).get("tier").asString()).isEqualTo("ASSOCIATE");
			assertThat(PublicApi.json(member).get("memberSince").asString()).isEqualTo("2024-03-01");
		});
	}

	/**
	 * The names in images.env, once the project's images are built from the current jars
	 * and every image is known to exist.
	 */
	private static Map<String, String> prepareTheImages() throws IOException, InterruptedException, Unavailable {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			throw new Unavailable("no Docker engine answers (start one with scripts/docker-engine.sh)");
		}
		if (!succeeds("docker", "version")) {
			throw new Unavailable(
					"the docker CLI, which runs docker compose, is missing or reaches no engine (DOCKER_HOST="
							+ System.getenv("DOCKER_HOST") + ")");
		}
		if (!succeeds("docker", "compose", "version")) {
			throw new Unavailable(
					"the docker CLI does not run 'docker compose' (Compose v2): docker/offline/build-images.sh installs it");
		}
		if (!Files.isRegularFile(IMAGES)) {
			throw new Unavailable(
					"the offline images are not built: run docker/offline/build-images.sh (missing " + IMAGES + ")");
		}
		Files.createDirectories(LOGS);
		buildTheProjectImages();
		Map<String, String> images = new LinkedHashMap<>();
		for (String line : Files.readAllLines(IMAGES)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				images.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		DockerClient docker = DockerClientFactory.instance().client();
		for (String image : images.values()) {
			if (docker.listImagesCmd().withImageNameFilter(image).exec().isEmpty()) {
				throw new Unavailable("the image " + image + " is missing: run docker/offline/build-images.sh");
			}
		}
		return images;
	}

	/**
	 * The services' images from the jars this build just packaged, so that no older image
	 * is tested.
	 */
	private static void buildTheProjectImages() throws IOException, InterruptedException {
		Process build = new ProcessBuilder("bash", ROOT.resolve("docker/offline/build-images.sh").toString(), "project")
			.redirectErrorStream(true)
			.redirectOutput(LOGS.resolveSibling("compose-build-images.log").toFile())
			.start();
		assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("build-images.sh project finished").isTrue();
		assertThat(build.exitValue()).as(Files.readString(LOGS.resolveSibling("compose-build-images.log"))).isZero();
	}

	/**
	 * {@code docker compose config} of the plain file, with only the given variables set.
	 */
	private static String composeConfig(Map<String, String> variables) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("docker", "compose", "-f",
				ROOT.resolve("docker-compose.yml").toString(), "config")
			.redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.endsWith("_IMAGE") || name.endsWith("_PORT") || name.endsWith("PASSWORD"));
		builder.environment().putAll(variables);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		return output;
	}

	/** Whether the command exits with 0; false also where it is not installed. */
	private static boolean succeeds(String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static List<String> mailSubjects(String address) throws Exception {
		HttpResponse<String> inbox = PublicApi.get(local("MAIL_WEB_PORT"), "/api/user/" + address + "/messages/INBOX");
		if (inbox.statusCode() != 200) {
			// GreenMail knows a user once a first mail has reached it
			return List.of();
		}
		return PublicApi.json(inbox).valueStream().map((mail) -> mail.get("subject").asString()).toList();
	}

	private static URI local(String portVariable) {
		return URI.create("http://localhost:" + ports.get(portVariable));
	}

	private static void log(String service, String line) {
		try {
			Writer log = LOG_FILES.computeIfAbsent(service, (name) -> {
				try {
					return Files.newBufferedWriter(LOGS.resolve(name + ".log"), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			synchronized (log) {
				log.write(line);
				log.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Docker, compose or an image is missing: the tests cannot run here. */
	private static final class Unavailable extends Exception {

		Unavailable(String reason) {
			super(reason, null, false, false);
		}

	}

}
