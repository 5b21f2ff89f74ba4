package org.membership.notification;

import org.junit.jupiter.api.Test;
import org.membership.stack.testing.RealInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@RealInfrastructure
class NotificationApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Test
	void startsAgainstTheRealBrokerAndRegistryAndReportsHealthy() {
		assertThat(this.http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

}
