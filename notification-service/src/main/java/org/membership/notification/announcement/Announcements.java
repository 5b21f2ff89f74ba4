package org.membership.notification.announcement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.notification.mail.Dates;
import org.membership.notification.mail.NotificationKind;
import org.membership.notification.mail.NotificationRequest;
import org.membership.notification.mail.Notifications;
import org.membership.support.association.AssociationProperties;
import org.membership.support.metrics.MetricNames;
import org.membership.support.tracing.Traces;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the welcome announcements and reads them back for pages, API and feed. */
@Service
public class Announcements {

	private static final Logger logger = LoggerFactory.getLogger(Announcements.class);

	private final AnnouncementRepository repository;

	private final AnnouncementWriter writer;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final AssociationProperties association;

	private final Clock clock;

	private final Counter published;

	private final Traces traces;

	Announcements(AnnouncementRepository repository, AnnouncementWriter writer, Notifications notifications,
			ApplicationEventPublisher events, AssociationProperties association, Clock clock, MeterRegistry meters,
			@Value("${spring.application.name}") String applicationName, Traces traces) {
		this.repository = repository;
		this.writer = writer;
		this.notifications = notifications;
		this.events = events;
		this.association = association;
		this.clock = clock;
		this.traces = traces;
		this.published = Counter.builder(MetricNames.of(applicationName, "announcements.published"))
			.description("Welcome announcements published")
			.register(meters);
	}

	/**
	 * One transaction: the announcement row (once per application), its outbox entry and
	 * the welcome mail's notification row commit together or not at all.
	 */
	@Transactional
	void welcome(Membership membership) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		if (!this.repository.insertIfAbsent(id, membership, this.writer.write(membership), now)) {
			// a redelivery, or a second event for the same membership: the first one
			// recorded the announcement, its outbox entry and the welcome mail
			logger.info("Application {} already has its announcement; event {} changes nothing",
					membership.applicationId(), membership.eventId());
			return;
		}
		// read back, so that the event carries the texts, time and link exactly as the
		// pages and the feed show them
		Announcement announcement = this.repository.findById(id).orElseThrow();
		// stored in the outbox in this transaction, sent to Kafka after the commit
		this.events.publishEvent(made(announcement, membership, this.traces.traceparent()));
		this.published.increment();
		logger.info("Published announcement {} for application {} (event {})", id, membership.applicationId(),
				membership.eventId());
		Map<String, Object> model = new HashMap<>();
		model.put("organisationName", membership.organisation().name());
		model.put("tier", this.association.tierLabel(membership.tier()));
		model.put("effectiveFrom", Dates.day(membership.effectiveFrom()));
		model.put("headline", announcement.headline());
		model.put("announcementLink", announcement.link());
		this.notifications.request(new NotificationRequest(membership.eventId(), membership.applicationId(),
				NotificationKind.WELCOME, null, model));
	}

	private static AnnouncementMade made(Announcement announcement, Membership membership, String traceparent) {
		// the same id on every resend, so consumers can de-duplicate a resent record
		UUID eventId = UUID
			.nameUUIDFromBytes(("announcement-published:" + announcement.id()).getBytes(StandardCharsets.UTF_8));
		return new AnnouncementMade(eventId, announcement.id(), announcement.applicationId(),
				membership.applicationVersion(), membership.correlationId(), announcement.headline(),
				announcement.summary(), announcement.body(), announcement.publishedAt(), announcement.link(),
				traceparent);
	}

	public Optional<Announcement> find(UUID id) {
		return this.repository.findById(id);
	}

	public Optional<Announcement> findByApplicationId(UUID applicationId) {
		return this.repository.findByApplicationId(applicationId);
	}

	public List<Announcement> newestFirst(long offset, int limit) {
		return this.repository.findNewestFirst(offset, limit);
	}

	public long count() {
		return this.repository.count();
	}

}
