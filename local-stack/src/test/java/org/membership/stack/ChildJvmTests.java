package org.membership.stack;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The options of every child JVM, and those the build adds (the test JVMs' brokers,
 * registries).
 */
class ChildJvmTests {

	private String before;

	@BeforeEach
	void remember() {
		this.before = System.getProperty(ChildJvm.EXTRA_OPTIONS);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(ChildJvm.EXTRA_OPTIONS);
		}
		else {
			System.setProperty(ChildJvm.EXTRA_OPTIONS, this.before);
		}
	}

	@Test
	void theBuildsOptionsAreSplitOnWhitespace() {
		System.setProperty(ChildJvm.EXTRA_OPTIONS, " -XX:TieredStopAtLevel=1 \t -XX:+UseSerialGC ");
		assertThat(ChildJvm.extraOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
	}

	@Test
	void withoutThePropertyOrWithABlankOneNothingIsAdded() {
		System.clearProperty(ChildJvm.EXTRA_OPTIONS);
		assertThat(ChildJvm.extraOptions()).isEmpty();
		System.setProperty(ChildJvm.EXTRA_OPTIONS, "  ");
		assertThat(ChildJvm.extraOptions()).isEmpty();
	}

	@Test
	void theTestJvmsGetTheOptionsFromTheBuild() {
		// set by the root pom's surefire configuration, for this JVM and its children
		assertThat(this.before).contains("-XX:TieredStopAtLevel=1");
	}

	@Test
	void everyChildRunsTheSerialCollector(@TempDir Path directory) throws IOException {
		System.clearProperty(ChildJvm.EXTRA_OPTIONS);
		Path log = directory.resolve("child.log");
		ChildJvm child = ChildJvm.start("collector check", List.of("-Xmx32m"), System.getProperty("java.class.path"),
				PrintCollectors.class.getName(), List.of(), Map.of(), directory, log);

		await().atMost(Duration.ofSeconds(60)).until(() -> !child.isAlive());
		// the serial collector's young and old generations
		assertThat(Files.readString(log)).contains("collectors: Copy, MarkSweepCompact");
	}

	/** A child that prints the names of its garbage collectors. */
	public static final class PrintCollectors {

		public static void main(String[] args) {
			System.out.println("collectors: " + String.join(", ",
					ManagementFactory.getGarbageCollectorMXBeans()
						.stream()
						.map(GarbageCollectorMXBean::getName)
						.toList()));
		}

	}

}
