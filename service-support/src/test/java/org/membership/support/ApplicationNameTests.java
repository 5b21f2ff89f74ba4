package org.membership.support;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApplicationNameTests {

	@Test
	void isTheSpringApplicationName() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
				"directory-service");

		assertThat(ApplicationName.of(environment)).isEqualTo("directory-service");
		assertThat(ApplicationName.find(environment)).contains("directory-service");
	}

	@Test
	void aServiceWithoutANameDoesNotStartUnderAMadeUpOne() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", " ");

		assertThat(ApplicationName.find(environment)).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> ApplicationName.of(environment))
			.withMessageContaining("spring.application.name is not set");
	}

}
