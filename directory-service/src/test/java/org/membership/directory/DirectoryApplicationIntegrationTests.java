package org.membership.directory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@DirectoryIntegrationTest
class DirectoryApplicationIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Test
	void startsAgainstTheRealBrokerAndRegistryAndReportsHealthy() {
		assertThat(this.http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
	}

}
