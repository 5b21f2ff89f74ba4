package org.membership.onboarding;

import org.junit.jupiter.api.Test;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@OnboardingIntegrationTest
class OnboardingApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void startsAgainstTheRealBrokerAndRegistryAndReportsHealthy() {
		assertThat(new Api(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
	}

}
