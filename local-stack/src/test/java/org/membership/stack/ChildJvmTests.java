package org.membership.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The options the build adds to every child JVM (the test JVMs' brokers, registries). */
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

}
