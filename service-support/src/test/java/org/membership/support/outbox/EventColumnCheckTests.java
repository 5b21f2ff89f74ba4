package org.membership.support.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class EventColumnCheckTests {

	private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
		.generateUniqueName(true)
		.build();

	@AfterEach
	void shutdown() {
		this.database.shutdown();
	}

	@Test
	void springModulithsOwnH2SchemaIsRefused() {
		table("VARCHAR(4000)");

		assertThatIllegalStateException()
			.isThrownBy(() -> new EventColumnCheck(this.database, null).afterSingletonsInstantiated())
			.withMessageContaining("event_publication.serialized_event holds at most 4000 characters")
			.withMessageContaining("TEXT");
	}

	@Test
	void aTextColumnIsAccepted() {
		table("TEXT");

		assertThatNoException()
			.isThrownBy(() -> new EventColumnCheck(this.database, null).afterSingletonsInstantiated());
	}

	@Test
	void aClobColumnIsAccepted() {
		table("CLOB");

		assertThatNoException()
			.isThrownBy(() -> new EventColumnCheck(this.database, null).afterSingletonsInstantiated());
	}

	@Test
	void theConfiguredSchemaIsTheOneChecked() {
		JdbcTemplate jdbc = new JdbcTemplate(this.database);
		jdbc.execute("CREATE SCHEMA outbox");
		jdbc.execute("CREATE TABLE outbox.event_publication (id UUID PRIMARY KEY, serialized_event VARCHAR(4000))");
		table("TEXT");

		assertThatNoException()
			.isThrownBy(() -> new EventColumnCheck(this.database, null).afterSingletonsInstantiated());
		assertThatIllegalStateException()
			.isThrownBy(() -> new EventColumnCheck(this.database, "outbox").afterSingletonsInstantiated());
	}

	@Test
	void aDatabaseWithoutTheTableIsLeftToTheRegistry() {
		assertThatNoException()
			.isThrownBy(() -> new EventColumnCheck(this.database, null).afterSingletonsInstantiated());
	}

	private void table(String eventColumn) {
		new JdbcTemplate(this.database).execute(
				"CREATE TABLE event_publication (id UUID PRIMARY KEY, serialized_event " + eventColumn + " NOT NULL)");
	}

}
