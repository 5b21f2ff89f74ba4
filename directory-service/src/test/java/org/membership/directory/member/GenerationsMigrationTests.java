package org.membership.directory.member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V2 keeps the directory a database already holds: its members and processed event ids
 * become generation 1, which is LIVE; and the database itself refuses a second LIVE or
 * BUILDING generation.
 */
class GenerationsMigrationTests {

	private final DataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:generations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcClient jdbc = JdbcClient.create(this.dataSource);

	@Test
	void theExistingDirectoryBecomesTheLiveGenerationOne() {
		migrate("1");
		String member = UUID.randomUUID().toString();
		String event = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into member (application_id, name, name_key, search_text, country, city, organisation_type,
				    tier, effective_from, status, applied_version)
				values (?, 'Asociația CLUJ IT', 'asociatia cluj it', 'asociatia cluj it', 'RO', 'Cluj-Napoca',
				    'CLUSTER', 'FULL', date '2023-01-01', 'MEMBER', 3)
				""").param(member).update();
		this.jdbc
			.sql("""
					insert into processed_event (event_id, topic, application_id, application_version, outcome, processed_at)
					values (?, 'onboarding.membership-effective', ?, 3, 'APPLIED', ?)
					""")
			.params(event, member, OffsetDateTime.now())
			.update();

		migrate("latest");

		assertThat(this.jdbc.sql("select id, state, exclusive_state from directory_generation").query().listOfRows())
			.extracting((row) -> List.of(row.get("ID"), row.get("STATE"), row.get("EXCLUSIVE_STATE")))
			.containsExactly(List.of(1L, "LIVE", "LIVE"));
		Map<String, Object> row = this.jdbc
			.sql("select generation_id, name, status from member where application_id = ?")
			.param(member)
			.query()
			.singleRow();
		assertThat(row).containsEntry("GENERATION_ID", 1L)
			.containsEntry("NAME", "Asociația CLUJ IT")
			.containsEntry("STATUS", "MEMBER");
		assertThat(this.jdbc.sql("select generation_id from processed_event where event_id = ?")
			.param(event)
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

	@Test
	void theDatabaseAllowsOneBuildingAndOneLiveGenerationAtMost() {
		migrate("latest");
		building(2);
		assertThatThrownBy(() -> building(3)).hasMessageContaining("DIRECTORY_GENERATION_ONE_EACH");
		assertThatThrownBy(() -> this.jdbc
			.sql("update directory_generation set state = 'LIVE', exclusive_state = 'LIVE' where id = 2")
			.update()).hasMessageContaining("DIRECTORY_GENERATION_ONE_EACH");
	}

	private void building(long id) {
		this.jdbc.sql("""
				insert into directory_generation (id, state, exclusive_state, started_at, heartbeat_at)
				values (?, 'BUILDING', 'BUILDING', current_timestamp, current_timestamp)
				""").param(id).update();
	}

	private void migrate(String target) {
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

}
