package org.membership.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The deployment step that puts the contract in place before any service starts: creates
 * the topics and every consumer's dead-letter topics, registers the schemas
 * (BACKWARD_TRANSITIVE). It waits for the broker and the registry to answer, so a
 * container can run it as soon as they start. Idempotent. {@code docker-compose.yml} runs
 * it as the {@code contract-setup} service.
 *
 * <p>
 * Environment: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code REGISTRY_CCOMPAT_URL} (the
 * registry's {@code /apis/ccompat/v7} URL), {@code TOPIC_PARTITIONS} (default 3),
 * {@code SETUP_TIMEOUT_SECONDS} (default 180), {@code STAFF_KEYS_DIR} (when set, the
 * staff token key pair is generated there unless it exists: see {@link StaffKeys}).
 */
public final class ContractSetup {

	private ContractSetup() {
	}

	/** What was done, for the log. */
	public record Result(Set<String> createdTopics, Map<String, Integer> schemaIds) {
	}

	public static void main(String[] args) {
		Map<String, String> env = System.getenv();
		try {
			Result result = run(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
					env.getOrDefault("REGISTRY_CCOMPAT_URL", "http://127.0.0.1:8080/apis/ccompat/v7"),
					Integer.parseInt(env.getOrDefault("TOPIC_PARTITIONS", "3")),
					Duration.ofSeconds(Long.parseLong(env.getOrDefault("SETUP_TIMEOUT_SECONDS", "180"))));
			System.out.println("Contract in place. Topics created now: " + result.createdTopics() + "; schema ids: "
					+ result.schemaIds());
			if (env.containsKey("STAFF_KEYS_DIR")) {
				StaffKeys keys = StaffKeys.in(Path.of(env.get("STAFF_KEYS_DIR")));
				System.out.println("Staff token keys in place: " + keys.publicKey() + " and its private key");
			}
		}
		catch (StackException ex) {
			System.err.println("contract-setup: " + ex.getMessage());
			System.exit(1);
		}
	}

	/**
	 * Creates the topics and registers the schemas, retrying until {@code timeout} while
	 * the broker or the registry are not reachable yet.
	 */
	public static Result run(String bootstrapServers, String confluentCompatibleUrl, int partitions, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			try {
				return putInPlace(bootstrapServers, confluentCompatibleUrl, partitions);
			}
			catch (SchemaRegistrar.IncompatibleSchemaException ex) {
				// waiting does not help: the contract breaks its own compatibility rule
				throw ex;
			}
			catch (StackException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw new StackException("Gave up after " + timeout + ": " + ex.getMessage(), ex);
				}
				System.out.println("contract-setup: not ready yet (" + ex.getMessage() + "), retrying");
				pause();
			}
		}
	}

	/**
	 * Creates the topics and registers the schemas once, on a broker and a registry that
	 * are up.
	 */
	public static Result putInPlace(String bootstrapServers, String confluentCompatibleUrl, int partitions) {
		Set<String> created = TopicSetup.createTopics(bootstrapServers, partitions);
		Map<String, Integer> ids = new SchemaRegistrar(confluentCompatibleUrl).registerContract();
		return new Result(created, ids);
	}

	/** The poll interval while the broker or the registry come up (not a test). */
	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted", ex);
		}
	}

}
