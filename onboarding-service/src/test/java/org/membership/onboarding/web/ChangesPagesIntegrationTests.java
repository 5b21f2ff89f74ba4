package org.membership.onboarding.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.Browser;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes before a membership takes effect, as people make them: the applicant withdraws
 * from the status page after a confirmation; staff move the date and withdraw from the
 * application's page and find withdrawn applications in the list.
 */
@OnboardingIntegrationTest
class ChangesPagesIntegrationTests {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@LocalServerPort
	private int port;

	record Submitted(UUID id, String token) {

		String statusPage() {
			return "/applications/" + this.id + "/status?token=" + this.token;
		}

	}

	private Submitted submit() {
		Api.Response response = new Api(this.port).post("/api/applications", SampleApplications.clujItCluster());
		String statusUrl = response.text("statusUrl");
		return new Submitted(UUID.fromString(response.text("id")),
				statusUrl.substring(statusUrl.indexOf("token=") + "token=".length()));
	}

	private String status(UUID id) {
		return new Api(this.port).asStaff().get("/api/applications/" + id).text("status");
	}

	@Test
	void theApplicantWithdrawsFromTheStatusPageAfterConfirming() {
		Submitted application = submit();
		Browser applicant = new Browser(this.port);

		Browser.Page status = applicant.get(application.statusPage());
		assertThat(status.body()).contains("Withdraw application")
			.contains("action=\"/applications/" + application.id() + "/withdrawal\"");

		// the button leads to a confirmation, which changes nothing yet
		Browser.Page confirmation = applicant
			.get("/applications/" + application.id() + "/withdrawal?token=" + application.token());
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.body()).contains("Withdraw the application of", "CLUJ IT Cluster",
				"Yes, withdraw the application", "No, keep the application", "name=\"_csrf\"");
		assertThat(status(application.id())).isEqualTo("SUBMITTED");

		// without the form's CSRF token: refused
		assertThat(applicant
			.post("/applications/" + application.id() + "/withdrawal",
					Map.of("token", application.token(), "reason", ""))
			.status()).isEqualTo(403);
		assertThat(status(application.id())).isEqualTo("SUBMITTED");

		Browser.Page withdrawn = applicant.submit(confirmation, "/applications/" + application.id() + "/withdrawal",
				Map.of("token", application.token(), "reason", "Merged with <script>alert(1)</script>"));
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(302);
		assertThat(withdrawn.location()).endsWith(application.statusPage());
		assertThat(status(application.id())).isEqualTo("WITHDRAWN");

		Browser.Page after = applicant.get(withdrawn.location());
		assertThat(after.body()).contains("Your application has been withdrawn.")
			.contains(">Withdrawn<")
			.doesNotContain("WITHDRAWN")
			.contains("Merged with &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.as("nothing left to withdraw")
			.doesNotContain("Withdraw application");
		Browser.Page again = applicant.submit(confirmation, "/applications/" + application.id() + "/withdrawal",
				Map.of("token", application.token()));
		assertThat(applicant.get(again.location()).body())
			.contains("The application can no longer be withdrawn: it is withdrawn.");
	}

	@Test
	void aWrongTokenOpensNoConfirmationAndWithdrawsNothing() {
		Submitted application = submit();
		Browser applicant = new Browser(this.port);
		// a form with a CSRF token: the confirmation behind the right token
		Browser.Page form = applicant
			.get("/applications/" + application.id() + "/withdrawal?token=" + application.token());

		Browser.Page confirmation = applicant
			.get("/applications/" + application.id() + "/withdrawal?token=" + application.token().substring(1));
		Browser.Page post = applicant.submit(form, "/applications/" + application.id() + "/withdrawal",
				Map.of("token", "wrong"));

		assertThat(confirmation.status()).isEqualTo(404);
		assertThat(confirmation.body()).contains("check that you copied all of it");
		assertThat(post.status()).isEqualTo(404);
		assertThat(status(application.id())).isEqualTo("SUBMITTED");
	}

	@Test
	void staffMoveTheDateAndWithdrawFromTheApplicationsPage() {
		Submitted application = submit();
		LocalDate today = LocalDate.now(BRUSSELS);
		new Api(this.port).asStaff()
			.post("/api/applications/" + application.id() + "/approval",
					Map.of("tier", "FULL", "effectiveFrom", today.plusDays(10).toString()));
		Browser staff = new Browser(this.port);
		staff.logIn("staff", Api.STAFF_PASSWORD);
		String page = "/staff/applications/" + application.id();

		Browser.Page approved = staff.get(page);
		assertThat(approved.body()).contains("Change the effective date", "Withdraw the application")
			.as("an approved application is decided")
			.doesNotContain(">Approve<");

		Browser.Page sameDate = staff.submit(approved, page + "/effective-date",
				Map.of("effectiveFrom", today.plusDays(10).toString(), "reason", "Same"));
		assertThat(staff.get(sameDate.location()).body()).contains("effectiveFrom is the effective date already");
		Browser.Page noReason = staff.submit(approved, page + "/effective-date",
				Map.of("effectiveFrom", today.plusDays(40).toString(), "reason", " "));
		assertThat(staff.get(noReason.location()).body()).contains("give a reason");

		LocalDate moved = today.plusDays(40);
		Browser.Page changed = staff.submit(approved, page + "/effective-date",
				Map.of("effectiveFrom", moved.toString(), "reason", "Board meeting moved"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.location()).endsWith(page);
		String afterChange = staff.get(page).body();
		assertThat(afterChange).contains("The membership now takes effect on")
			.contains("datetime=\"" + moved + "\"")
			.contains("Board meeting moved");

		Browser.Page noWithdrawalReason = staff.submit(approved, page + "/withdrawal", Map.of("reason", ""));
		assertThat(staff.get(noWithdrawalReason.location()).body()).contains("Give a reason for the withdrawal");
		assertThat(status(application.id())).isEqualTo("APPROVED");

		Browser.Page withdrawn = staff.submit(approved, page + "/withdrawal",
				Map.of("reason", "Asked by e-mail <b>now</b>"));
		assertThat(withdrawn.location()).endsWith(page);
		String afterWithdrawal = staff.get(page).body();
		assertThat(afterWithdrawal).contains("Withdrew the application of CLUJ IT Cluster.")
			.contains(">Withdrawn<")
			.contains("Asked by e-mail &lt;b&gt;now&lt;/b&gt;")
			.doesNotContain("Change the effective date")
			.doesNotContain("Withdraw the application");
		assertThat(status(application.id())).isEqualTo("WITHDRAWN");

		Browser.Page tooLate = staff.submit(approved, page + "/effective-date",
				Map.of("effectiveFrom", today.plusDays(50).toString(), "reason", "Too late"));
		assertThat(staff.get(tooLate.location()).body()).contains("Not possible now: the application is withdrawn.");

		String list = staff.get("/staff?status=WITHDRAWN").body();
		assertThat(list).contains("<option value=\"WITHDRAWN\" selected=\"selected\">Withdrawn</option>")
			.contains("Applications: Withdrawn")
			.contains("/staff/applications/" + application.id());
	}

}
