package org.membership.onboarding.review;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.membership.onboarding.OnboardingApplication;
import org.membership.onboarding.support.Api;
import org.membership.onboarding.support.OnboardingIntegrationTest;
import org.membership.onboarding.support.SampleApplications;
import org.membership.stack.testing.InfrastructureInitializer;
import org.membership.stack.testing.MutableClock;
import org.membership.stack.testing.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily digest of overdue reviews, against a real SMTP server (GreenMail): exactly
 * one mail per day with eight callers in two instances on one database, none before the
 * configured time, and after a failed send one more attempt later the same day, never a
 * second mail. The background poll is off here and in the other instance, so that only
 * the test's callers race; each test takes a day of its own, far ahead, so that the days
 * of earlier tests and runs (same database) do not interfere.
 */
@OnboardingIntegrationTest
@TestPropertySource(properties = { ReviewDigestIntegrationTests.TO, ReviewDigestIntegrationTests.POLL_OFF,
		"membership.onboarding.review-digest.retry-interval=1m",
		"membership.onboarding.review-digest.max-listed=100000" })
class ReviewDigestIntegrationTests {

	static final String STAFF = "membership-staff@digitalsme.example";

	static final String TO = "membership.onboarding.review-digest.to=" + STAFF;

	static final String POLL_OFF = "membership.onboarding.review-digest.poll-enabled=false";

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	private static final int CALLERS = 8;

	@LocalServerPort
	private int port;

	@Autowired
	private MutableClock clock;

	@Autowired
	private ReviewDigest digest;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void resetClockAndMailServer() {
		this.clock.reset();
		TestMailServer.get().start();
	}

	/** A day of its own for each test and run, years ahead. */
	private static LocalDate aFreshDay() {
		return LocalDate.now(BRUSSELS).plusYears(5).plusDays(ThreadLocalRandom.current().nextInt(0, 20 * 365));
	}

	private static Instant at(LocalDate day, String time) {
		return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(BRUSSELS).toInstant();
	}

	private UUID submitAt(Instant at, String name) {
		this.clock.set(at);
		Map<String, Object> application = SampleApplications.clujItCluster();
		SampleApplications.organisation(application).put("name", name);
		return UUID.fromString(new Api(this.port).post("/api/applications", application).text("id"));
	}

	/** The digests received for {@code day}, by their subject. */
	private static List<MimeMessage> digestsOf(LocalDate day) {
		String date = day.getDayOfMonth() + " "
				+ day.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
				+ day.getYear();
		return TestMailServer.get().messagesTo(STAFF).stream().filter((message) -> {
			try {
				return message.getSubject().endsWith("(" + date + ")");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String text(MimeMessage message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String status(LocalDate day) {
		return this.jdbc.sql("SELECT status FROM review_digest WHERE digest_date = ?")
			.param(day)
			.query(String.class)
			.single();
	}

	@Test
	void twoInstancesRacingSendTheDaysDigestExactlyOnceFromTheConfiguredTime() throws Exception {
		assertThat(this.context.getBeanProvider(ReviewDigestPoll.class).getIfAvailable()).isNull();
		LocalDate day = aFreshDay();
		String name = "Waiting <b>Org</b> " + UUID.randomUUID().toString().substring(0, 8);
		UUID waiting = submitAt(at(day.minusDays(20), "15:00"), name);

		this.clock.set(at(day, "07:59:59"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOT_YET);

		Instant eight = at(day, "08:00:00");
		this.clock.set(eight);
		ConfigurableApplicationContext otherInstance = startAnotherInstance(Clock.fixed(eight, BRUSSELS));
		ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
		try {
			assertThat(otherInstance.getBeanProvider(ReviewDigestPoll.class).getIfAvailable()).isNull();
			ReviewDigest other = otherInstance.getBean(ReviewDigest.class);
			CyclicBarrier start = new CyclicBarrier(CALLERS);
			List<Future<ReviewDigest.Outcome>> callers = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				ReviewDigest digest = (i % 2 == 0) ? this.digest : other;
				callers.add(threads.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return digest.sendIfDue();
				}));
			}
			List<ReviewDigest.Outcome> outcomes = new ArrayList<>();
			for (Future<ReviewDigest.Outcome> caller : callers) {
				outcomes.add(caller.get(60, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn(ReviewDigest.Outcome.SENT::equals).hasSize(1);
			assertThat(outcomes).filteredOn(ReviewDigest.Outcome.NOTHING_TO_DO::equals).hasSize(CALLERS - 1);
			// later the same day, on either instance: nothing more
			assertThat(other.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);
		}
		finally {
			threads.shutdownNow();
			otherInstance.close();
		}
		this.clock.set(at(day, "18:00:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);
		assertThat(status(day)).isEqualTo("SENT");

		await().atMost(Duration.ofSeconds(10)).until(() -> digestsOf(day).size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> digestsOf(day).size() == 1);
		MimeMessage mail = digestsOf(day).get(0);
		assertThat(mail.getSubject()).contains("waiting longer than 14 days");
		assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<review-digest-" + day + "@digitalsme.example>");
		String submittedOn = day.minusDays(20).getDayOfMonth() + " "
				+ day.minusDays(20).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
				+ " " + day.minusDays(20).getYear();
		assertThat(text(mail)).contains("- " + name + " (RO), submitted on " + submittedOn + ", waiting 20 days")
			.contains("http://127.0.0.1:8081/staff/applications/" + waiting)
			.contains("All overdue applications: http://127.0.0.1:8081/staff?overdue=true");
	}

	@Test
	void aFailedSendIsTriedAgainLaterTheSameDayAndSentOnce() {
		LocalDate day = aFreshDay();
		String name = "Retried Org " + UUID.randomUUID().toString().substring(0, 8);
		submitAt(at(day.minusDays(15), "10:00"), name);
		TestMailServer.get().stop();

		this.clock.set(at(day, "09:00:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.FAILED);
		assertThat(status(day)).isEqualTo("PENDING");
		assertThat(this.digest.sendIfDue()).as("not before the retry interval")
			.isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);

		TestMailServer.get().start();
		this.clock.set(at(day, "09:01:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.SENT);
		this.clock.set(at(day, "09:02:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);

		await().atMost(Duration.ofSeconds(10)).until(() -> digestsOf(day).size() == 1);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> digestsOf(day).size() == 1);
		assertThat(text(digestsOf(day).get(0))).contains(name + " (RO)").contains("waiting 15 days");
		assertThat(this.jdbc.sql("SELECT attempts FROM review_digest WHERE digest_date = ?")
			.param(day)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aClaimWhoseInstanceStoppedWhileSendingIsNeverSentAgain() {
		LocalDate day = aFreshDay();
		submitAt(at(day.minusDays(30), "10:00"), "Stopped Org");
		this.jdbc.sql("""
				INSERT INTO review_digest (digest_date, status, attempts, next_attempt_at, claimed_until, claimed_by)
				VALUES (?, 'SENDING', 1, ?, ?, 'a stopped instance')""")
			.params(day, at(day, "08:00").atOffset(java.time.ZoneOffset.UTC),
					at(day, "08:02").atOffset(java.time.ZoneOffset.UTC))
			.update();

		this.clock.set(at(day, "08:01:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);
		this.clock.set(at(day, "08:30:00"));
		assertThat(this.digest.sendIfDue()).isEqualTo(ReviewDigest.Outcome.NOTHING_TO_DO);

		assertThat(status(day)).isEqualTo("UNKNOWN");
		assertThat(digestsOf(day)).isEmpty();
	}

	/**
	 * Another instance of the service against the same database, broker and SMTP server,
	 * with its own clock; its polls are left to the test.
	 */
	private static ConfigurableApplicationContext startAnotherInstance(Clock clock) {
		return new SpringApplicationBuilder(OnboardingApplication.class)
			.initializers(new InfrastructureInitializer(),
					(context) -> context.getBeanFactory().registerSingleton("instanceClock", clock))
			.run("--server.port=0", "--membership.security.staff-password=other-instance",
					"--membership.onboarding.effective-dates.poll-enabled=false", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + TestMailServer.get().port(), "--" + TO, "--" + POLL_OFF,
					"--membership.onboarding.review-digest.max-listed=100000");
	}

}
