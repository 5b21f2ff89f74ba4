package org.membership.directory.member;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.membership.support.association.AssociationProperties;
import org.membership.support.deadletter.InvalidEventException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the directory, idempotent and order-tolerant, in one database
 * transaction per event:
 * <ol>
 * <li>an eventId already in {@code processed_event} is a duplicate: nothing changes;</li>
 * <li>the member row is locked; it has two field groups. The snapshot (organisation,
 * tier, effectiveFrom), carried whole by MemberApproved, EffectiveDateChanged and
 * MembershipEffective, is versioned by {@code applied_version}: only an event with a
 * higher applicationVersion replaces it (so a new effective date moves a joining
 * organisation, and an older approval arriving after it changes nothing). The status only
 * moves forward (JOINING to MEMBER to WITHDRAWN): a MembershipEffective always makes the
 * member a MEMBER, even when a newer MemberApproved came first. An ApplicationWithdrawn
 * makes it WITHDRAWN and clears the snapshot; it is final, so every later event of the
 * application is stale, whatever its version, and the row is the same whichever came
 * first. An event that changes neither group is stale;</li>
 * <li>the eventId is recorded (its primary key guards against two deliveries
 * racing).</li>
 * </ol>
 * The rules commute (the highest version wins, the status is a maximum, a withdrawal
 * wins), so the result does not depend on the order in which the topics are read: a
 * rebuild gives the same rows. Two events of one application on different topics may be
 * applied at the same moment by two consumers: both may try to insert, the primary key
 * fails one of them, and {@link MembershipChangeHandler} applies it again at once, when
 * it finds the row.
 * <p>
 * Every row is keyed by its generation ({@link Generations}): a live event goes to the
 * LIVE generation and, during a rebuild, to the BUILDING one too; the rebuild's replay
 * writes to the BUILDING one only. The processed event ids are per generation, so a
 * replayed event is never taken for a duplicate of the live one.
 */
@Service
class MemberProjection {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final JdbcClient jdbc;

	private final AssociationProperties association;

	private final Clock clock;

	private final Generations generations;

	MemberProjection(JdbcClient jdbc, AssociationProperties association, Clock clock, Generations generations) {
		this.jdbc = jdbc;
		this.association = association;
		this.clock = clock;
		this.generations = generations;
	}

	/**
	 * Applies a live event to the LIVE generation and, while a rebuild runs, to the
	 * BUILDING one as well, in one transaction.
	 * @return what it did to the LIVE generation
	 */
	@Transactional
	Outcome apply(MembershipChange change) {
		validate(change);
		Outcome live = null;
		for (Map.Entry<Long, Boolean> generation : this.generations.current().entrySet()) {
			Outcome outcome = applyTo(change, generation.getKey());
			if (generation.getValue()) {
				live = outcome;
			}
		}
		return live;
	}

	/**
	 * Applies a replayed event to one generation (a rebuild's BUILDING one).
	 */
	@Transactional
	Outcome replay(MembershipChange change, long generation) {
		validate(change);
		return applyTo(change, generation);
	}

	private Outcome applyTo(MembershipChange change, long generation) {
		String applicationId = change.applicationId().toString();
		boolean seen = this.jdbc.sql("select count(*) from processed_event where generation_id = ? and event_id = ?")
			.params(generation, change.eventId().toString())
			.query(Long.class)
			.single() > 0;
		if (seen) {
			return Outcome.DUPLICATE;
		}
		Optional<Applied> current = this.jdbc
			.sql("select applied_version, status from member where generation_id = ? and application_id = ? for update")
			.params(generation, applicationId)
			.query((rs, row) -> new Applied(rs.getLong(1), MemberStatus.valueOf(rs.getString(2))))
			.optional();
		Outcome outcome;
		if (change.status() == MemberStatus.WITHDRAWN) {
			outcome = withdraw(change, current, generation);
		}
		else if (current.isPresent() && current.get().status() == MemberStatus.WITHDRAWN) {
			// final: an approval, date change or effective membership that arrives after
			// the withdrawal (an older applicationVersion) must not list it again
			outcome = Outcome.STALE;
		}
		else if (current.isEmpty()) {
			write("""
					insert into member (name, legal_name, name_key, search_text, country, city, website,
					    organisation_type, member_count, description, tier, effective_from, status,
					    applied_version, correlation_id, generation_id, application_id)
					values (:name, :legalName, :nameKey, :searchText, :country, :city, :website,
					    :type, :memberCount, :description, :tier, :effectiveFrom, :status,
					    :version, :correlationId, :generation, :applicationId)
					""", change, change.status(), generation);
			outcome = Outcome.APPLIED;
		}
		else {
			Applied applied = current.get();
			boolean newerSnapshot = change.applicationVersion() > applied.version();
			MemberStatus status = change.status().atLeast(applied.status());
			if (newerSnapshot) {
				write("""
						update member set name = :name, legal_name = :legalName, name_key = :nameKey,
						    search_text = :searchText, country = :country, city = :city, website = :website,
						    organisation_type = :type, member_count = :memberCount, description = :description,
						    tier = :tier, effective_from = :effectiveFrom, status = :status,
						    applied_version = :version, correlation_id = :correlationId
						where generation_id = :generation and application_id = :applicationId
						""", change, status, generation);
				outcome = Outcome.APPLIED;
			}
			else if (status != applied.status()) {
				// an older event can still say the membership took effect
				this.jdbc.sql("update member set status = ? where generation_id = ? and application_id = ?")
					.params(status.name(), generation, applicationId)
					.update();
				outcome = Outcome.APPLIED;
			}
			else {
				outcome = Outcome.STALE;
			}
		}
		this.jdbc.sql("""
				insert into processed_event (generation_id, event_id, topic, application_id, application_version,
				    outcome, processed_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(generation, change.eventId().toString(), change.topic(), applicationId, change.applicationVersion(),
					outcome.name(), OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		return outcome;
	}

	private Outcome withdraw(MembershipChange change, Optional<Applied> current, long generation) {
		if (current.isEmpty()) {
			// before any other event of the application: the row that keeps it unlisted
			this.jdbc.sql("""
					insert into member (generation_id, application_id, status, applied_version, correlation_id)
					values (?, ?, 'WITHDRAWN', ?, ?)
					""")
				.params(generation, change.applicationId().toString(), change.applicationVersion(),
						change.correlationId())
				.update();
			return Outcome.APPLIED;
		}
		if (current.get().status() == MemberStatus.WITHDRAWN) {
			return Outcome.STALE;
		}
		this.jdbc.sql("""
				update member set name = null, legal_name = null, name_key = null, search_text = null, country = null,
				    city = null, website = null, organisation_type = null, member_count = null, description = null,
				    tier = null, effective_from = null, status = 'WITHDRAWN',
				    applied_version = greatest(applied_version, ?), correlation_id = ?
				where generation_id = ? and application_id = ?
				""")
			.params(change.applicationVersion(), change.correlationId(), generation, change.applicationId().toString())
			.update();
		return Outcome.APPLIED;
	}

	private void write(String sql, MembershipChange change, MemberStatus status, long generation) {
		OrganisationSnapshot organisation = change.organisation();
		String nameKey = SearchText.normalize(organisation.name());
		String searchText = (organisation.legalName() != null)
				? nameKey + " " + SearchText.normalize(organisation.legalName()) : nameKey;
		this.jdbc.sql(sql)
			.param("name", organisation.name().strip())
			.param("legalName", organisation.legalName())
			.param("nameKey", nameKey)
			.param("searchText", searchText)
			.param("country", organisation.country())
			.param("city", organisation.city().strip())
			.param("website", Websites.httpOrNull(organisation.website()))
			.param("type", organisation.type())
			.param("memberCount", organisation.memberCount())
			.param("description", organisation.description())
			.param("tier", change.tier())
			.param("effectiveFrom", change.effectiveFrom())
			.param("status", status.name())
			.param("version", change.applicationVersion())
			.param("correlationId", change.correlationId())
			.param("generation", generation)
			.param("applicationId", change.applicationId().toString())
			.update();
	}

	private void validate(MembershipChange change) {
		OrganisationSnapshot organisation = change.organisation();
		require(change.eventId() != null, change, "eventId is missing");
		require(change.applicationId() != null, change, "applicationId is missing");
		require(change.applicationVersion() >= 1, change, "applicationVersion must be 1 or more");
		if (change.status() == MemberStatus.WITHDRAWN) {
			// a withdrawal carries no snapshot
			return;
		}
		require(change.effectiveFrom() != null, change, "effectiveFrom is missing");
		require(this.association.isTier(change.tier()), change,
				"tier '" + change.tier() + "' is not one of " + this.association.tiers().keySet());
		require(organisation != null, change, "organisation is missing");
		require(hasText(organisation.name(), 300), change, "organisation.name is blank or too long");
		require(organisation.legalName() == null || organisation.legalName().length() <= 300, change,
				"organisation.legalName is too long");
		require(COUNTRIES.contains(organisation.country()), change,
				"organisation.country '" + organisation.country() + "' is not an ISO 3166-1 alpha-2 code");
		require(hasText(organisation.city(), 200), change, "organisation.city is blank or too long");
		require(organisation.website() == null || organisation.website().length() <= 500, change,
				"organisation.website is too long");
		require(organisation.description() == null || organisation.description().length() <= 10000, change,
				"organisation.description is too long");
	}

	private static boolean hasText(String value, int maxLength) {
		return value != null && !value.isBlank() && value.length() <= maxLength;
	}

	private static void require(boolean condition, MembershipChange change, String problem) {
		if (!condition) {
			throw new InvalidEventException("Invalid event " + change.eventId() + " of application "
					+ change.applicationId() + " on " + change.topic() + ": " + problem);
		}
	}

	private record Applied(long version, MemberStatus status) {
	}

}
