package org.membership.support.outbox;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Refuses to start on an outbox whose event column has a small length limit (H2's
 * VARCHAR(4000) of Spring Modulith's own schema): a larger event would fail the
 * transaction of the state change that published it. The column must be TEXT (or a CLOB).
 * Checked once the schema is migrated (after every singleton, Flyway's included); a
 * database without the table yet is left to the registry. The table is looked for in
 * {@code spring.modulith.events.jdbc.schema}, else in the connection's current schema.
 */
class EventColumnCheck implements SmartInitializingSingleton {

	/** Below this many characters a column counts as limited; TEXT reports far more. */
	static final int UNLIMITED = 1_000_000;

	private static final Set<Integer> CHARACTER_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR);

	private final DataSource dataSource;

	private final String schema;

	EventColumnCheck(DataSource dataSource, String schema) {
		this.dataSource = dataSource;
		this.schema = schema;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Integer limit;
		try {
			limit = JdbcUtils.extractDatabaseMetaData(this.dataSource, this::lengthLimit);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not read the outbox table's columns", ex);
		}
		if (limit != null) {
			throw new IllegalStateException(("The outbox column event_publication.serialized_event holds at most %d "
					+ "characters: a larger event would fail the transaction that publishes it. Make it TEXT "
					+ "(a Flyway migration: ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE TEXT).")
				.formatted(limit));
		}
	}

	/** The column's length limit when it has a small one, else {@code null}. */
	Integer lengthLimit(DatabaseMetaData metaData) throws SQLException {
		String schemaPattern = (this.schema != null) ? identifier(metaData, this.schema)
				: metaData.getConnection().getSchema();
		try (ResultSet columns = metaData.getColumns(null, schemaPattern, identifier(metaData, "event_publication"),
				identifier(metaData, "serialized_event"))) {
			while (columns.next()) {
				int size = columns.getInt("COLUMN_SIZE");
				if (CHARACTER_TYPES.contains(columns.getInt("DATA_TYPE")) && size > 0 && size < UNLIMITED) {
					return size;
				}
			}
		}
		return null;
	}

	private static String identifier(DatabaseMetaData metaData, String name) throws SQLException {
		if (metaData.storesUpperCaseIdentifiers()) {
			return name.toUpperCase(Locale.ROOT);
		}
		return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
	}

}
