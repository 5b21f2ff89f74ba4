package org.membership.onboarding.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.membership.onboarding.application.StatusTokens;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicant's private status link shows that application and nothing else. */
@OnboardingIntegrationTest
class StatusViewIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	record Submitted(UUID id, String token) {
	}

	private Submitted submit(String name) {
		var application = SampleApplications.clujItCluster();
		SampleApplications.organisation(application).put("name", name);
		Api.Response response = new Api(this.port).post("/api/applications", application);
		String statusUrl = response.text("statusUrl");
		return new Submitted(UUID.fromString(response.text("id")),
				statusUrl.substring(statusUrl.indexOf("token=") + "token=".length()));
	}

	@Test
	void theStatusLinkShowsItsApplication() {
		Submitted cluj = submit("CLUJ IT Cluster");

		Api.Response status = new Api(this.port)
			.get("/api/applications/" + cluj.id() + "/status?token=" + cluj.token());

		assertThat(status.status()).isEqualTo(200);
		assertThat(status.text("id")).isEqualTo(cluj.id().toString());
		assertThat(status.text("status")).isEqualTo("SUBMITTED");
		assertThat(status.text("organisationName")).isEqualTo("CLUJ IT Cluster");
		assertThat(status.body()).doesNotContain("andrei.kelemen@example.org");
	}

	@Test
	void aTokenOfOneApplicationNeverRevealsAnother() {
		Submitted cluj = submit("CLUJ IT Cluster");
		Submitted other = submit("Other Cluster");

		Api.Response crossed = new Api(this.port)
			.get("/api/applications/" + other.id() + "/status?token=" + cluj.token());
		Api.Response unknown = new Api(this.port)
			.get("/api/applications/" + UUID.randomUUID() + "/status?token=" + cluj.token());

		assertThat(crossed.status()).isEqualTo(404);
		assertThat(crossed.body()).doesNotContain("Other Cluster");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(withoutInstance(crossed.body())).isEqualTo(withoutInstance(unknown.body()));
		assertThat(new Browser(this.port).get("/applications/" + other.id() + "/status?token=" + cluj.token()).status())
			.isEqualTo(404);
	}

	@Test
	void wrongMissingAndMalformedTokensAnswerLikeAnUnknownId() {
		Submitted cluj = submit("CLUJ IT Cluster");
		Api api = new Api(this.port);

		assertThat(api.get("/api/applications/" + cluj.id() + "/status?token=" + cluj.token().substring(1)).status())
			.isEqualTo(404);
		assertThat(api.get("/api/applications/" + cluj.id() + "/status?token=").status()).isEqualTo(404);
		assertThat(api.get("/api/applications/" + cluj.id() + "/status").status()).isEqualTo(404);
		assertThat(api.get("/api/applications/not-a-uuid/status?token=" + cluj.token()).status()).isEqualTo(404);
	}

	@Test
	void theTokenHasAtLeast128RandomBitsAndOnlyItsHashIsStored() {
		Submitted cluj = submit("CLUJ IT Cluster");

		// 43 base64url characters: 256 bits
		assertThat(cluj.token()).hasSizeGreaterThanOrEqualTo(22).matches("[A-Za-z0-9_-]+");
		String stored = this.jdbc.sql("SELECT status_token_hash FROM membership_application WHERE id = ?")
			.param(cluj.id())
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(cluj.token()).isEqualTo(StatusTokens.hash(cluj.token()));
	}

	@Test
	void theStatusPageShowsTheApplicationToItsApplicant() {
		Submitted cluj = submit("CLUJ IT Cluster");

		Browser.Page page = new Browser(this.port).get("/applications/" + cluj.id() + "/status?token=" + cluj.token());

		assertThat(page.status()).isEqualTo(200);
		// the status as a word for a person, never the enum's name
		assertThat(page.body()).contains("CLUJ IT Cluster").contains("Submitted").doesNotContain("SUBMITTED");
	}

	private static String withoutInstance(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\"", "").replaceAll("/api/applications/[0-9a-f-]+", "");
	}

}
