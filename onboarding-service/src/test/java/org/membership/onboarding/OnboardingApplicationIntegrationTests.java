package org.membership.onboarding;

import org.junit.jupiter.api.Test;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@OnboardingIntegrationTest
class OnboardingApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void startsAgainstTheRealBrokerAndRegistryAndReportsHealthy() {
		assertThat(new Api(this.port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
	}

	@Test
	void pollsForDueApprovalsUnlessToldNotTo() {
		// membership.onboarding.effective-dates.poll-enabled is true unless set
		assertThat(this.context.containsBean("effectiveDatesPoll")).isTrue();
	}

}
