package org.membership.onboarding.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.membership.onboarding.application.ApplicationApproved;
import org.membership.onboarding.application.ApplicationDeclined;
import org.membership.onboarding.application.ApplicationSubmitted;
import org.membership.onboarding.application.MembershipTookEffect;
import org.membership.onboarding.application.OnboardingEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publications written before the in-process events were renamed still name the old
 * classes; V4 points them at the new ones, or the outbox could not load them to resend.
 */
class RenamedEventTypesMigrationTests {

	private static final String OLD_PACKAGE = "org.membership.onboarding.application.";

	private final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:renamed-events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	@Test
	void outstandingPublicationsOfTheOldEventClassesNameTheRenamedOnes() {
		migrate("3");
		List.of("ApplicationReceived", "MemberApproved", "ApplicationRejected", "MembershipEffective")
			.forEach((oldName) -> publication(OLD_PACKAGE + oldName));
		publication("org.example.SomeOtherEvent");

		migrate("latest");

		List<String> types = this.jdbc.sql("SELECT event_type FROM event_publication").query(String.class).list();
		assertThat(types).containsExactlyInAnyOrder(eventClassNames());
	}

	/**
	 * The classes V4 renamed to (events added later, such as ApplicationRetracted, were
	 * never stored under an old name), each still an event of the outbox.
	 */
	private String[] eventClassNames() {
		String[] names = Stream
			.of(ApplicationSubmitted.class, ApplicationApproved.class, ApplicationDeclined.class,
					MembershipTookEffect.class)
			.map(Class::getName)
			.toArray(String[]::new);
		assertThat(Arrays.stream(OnboardingEvent.class.getPermittedSubclasses()).map(Class::getName)).contains(names);
		String[] withOther = Arrays.copyOf(names, 5);
		withOther[4] = "org.example.SomeOtherEvent";
		return withOther;
	}

	private void migrate(String target) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

	private void publication(String eventType) {
		this.jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status)
				VALUES (:id, 'listener', :type, '{}', CURRENT_TIMESTAMP, 'FAILED')""")
			.param("id", UUID.randomUUID())
			.param("type", eventType)
			.update();
	}

}
