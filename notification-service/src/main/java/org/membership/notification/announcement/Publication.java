package org.membership.notification.announcement;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.notification.mail.Dates;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.NotificationRequest;
import org.membership.notification.mail.Notifications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.association.AssociationTime;
import org.membership.support.metrics.MetricNames;
import org.membership.support.tracing.Traces;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishing a draft, whoever asks (staff, or the effective date): in the caller's
 * transaction, the row turns PUBLISHED (only if it still is the draft the caller locked),
 * AnnouncementMade goes into the outbox and the welcome mail is recorded. All three
 * commit together or not at all, so each happens exactly once.
 */
@Component
class Publication {

	private static final Logger logger = LoggerFactory.getLogger(Publication.class);

	private final AnnouncementRepository repository;

	private final AnnouncementWriter writer;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final AssociationProperties association;

	private final AssociationTime time;

	private final Traces traces;

	private final Counter published;

	Publication(AnnouncementRepository repository, AnnouncementWriter writer, Notifications notifications,
			ApplicationEventPublisher events, AssociationProperties association, AssociationTime time,
			MeterRegistry meters, @Value("${spring.application.name}") String applicationName, Traces traces) {
		this.repository = repository;
		this.writer = writer;
		this.notifications = notifications;
		this.events = events;
		this.association = association;
		this.time = time;
		this.traces = traces;
		this.published = Counter.builder(MetricNames.of(applicationName, "announcements.published"))
			.description("Welcome announcements published")
			.register(meters);
	}

	/**
	 * The draft's texts as they would be published now, with the membership starting on
	 * {@code effectiveFrom}: its date in the texts, "joins" once that day has come.
	 */
	AnnouncementWriter.Text textsAsOfNow(Draft draft, LocalDate effectiveFrom) {
		return texts(draft, effectiveFrom, !this.time.today().isBefore(effectiveFrom));
	}

	/**
	 * The draft's texts with the membership starting on {@code effectiveFrom}, "joins"
	 * when it {@code started}.
	 */
	AnnouncementWriter.Text texts(Draft draft, LocalDate effectiveFrom, boolean started) {
		Announcement announcement = draft.announcement();
		LocalDate from = (draft.effectiveFrom() != null) ? draft.effectiveFrom() : effectiveFrom;
		UnaryOperator<String> now = (text) -> {
			String dated = from.equals(effectiveFrom) ? text : AnnouncementWriter.redate(text, from, effectiveFrom);
			return started ? this.writer.asOfFirstDay(dated) : dated;
		};
		return new AnnouncementWriter.Text(now.apply(announcement.headline()),
				announcement.summary().stream().map(now).toList(), now.apply(announcement.body()),
				now.apply(announcement.boilerplate()));
	}

	/**
	 * Publishes the draft the caller locked in its transaction.
	 * @param started whether the membership has taken effect (its texts say "joins");
	 * otherwise they say so from the effective date on
	 * @param applicationVersion the application's version the publication follows
	 * @return the published announcement; empty when the draft changed since it was read
	 */
	Optional<Announcement> publish(Draft draft, LocalDate effectiveFrom, boolean started, long applicationVersion,
			String by) {
		Instant now = this.time.now().toInstant();
		UUID id = draft.announcement().id();
		boolean effective = started || !this.time.today().isBefore(effectiveFrom);
		if (!this.repository.publish(id, draft.version(), texts(draft, effectiveFrom, effective), effectiveFrom,
				applicationVersion, by, now)) {
			return Optional.empty();
		}
		// read back, so that the event carries the texts, time and link exactly as the
		// pages and the feed show them
		Announcement announcement = this.repository.findDraft(id).orElseThrow().announcement();
		// stored in the outbox in this transaction, sent to Kafka after the commit
		this.events.publishEvent(made(announcement, applicationVersion, draft.correlationId()));
		this.published.increment();
		logger.info("Published announcement {} of application {} ({})", id, announcement.applicationId(), by);
		Map<String, Object> model = new HashMap<>();
		model.put("organisationName", draft.organisationName());
		model.put("tier", this.association.tierLabel(draft.tier()));
		model.put("aTier", this.association.tierWithArticle(draft.tier()));
		model.put("effectiveFrom", Dates.day(effectiveFrom));
		model.put("effectiveLater", effective ? null : "true");
		model.put("headline", announcement.headline());
		model.put("announcementLink", announcement.link());
		// one welcome per announcement, whoever published it
		this.notifications.request(new NotificationRequest(derivedId("welcome:", id), announcement.applicationId(),
				NotificationKind.WELCOME, null, model));
		return Optional.of(announcement);
	}

	private AnnouncementMade made(Announcement announcement, long applicationVersion, String correlationId) {
		// the same id on every resend, so consumers can de-duplicate a resent record
		return new AnnouncementMade(derivedId("announcement-published:", announcement.id()), announcement.id(),
				announcement.applicationId(), applicationVersion, correlationId, announcement.headline(),
				announcement.summary(), announcement.fullText(), announcement.publishedAt(), announcement.link(),
				this.traces.traceparent());
	}

	private static UUID derivedId(String prefix, UUID id) {
		return UUID.nameUUIDFromBytes((prefix + id).getBytes(StandardCharsets.UTF_8));
	}

}
