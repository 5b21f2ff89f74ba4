package org.membership.notification.announcement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.membership.events.AnnouncementPublished;
import org.membership.events.Topics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Sends {@link AnnouncementMade} from the outbox to
 * {@code notification.announcement-published} as the Avro AnnouncementPublished, keyed by
 * the application id. The texts are read when the event is sent (they never change).
 */
@Configuration(proxyBeanMethods = false)
class AnnouncementExternalizationConfiguration {

	@Bean
	EventExternalizationConfiguration eventExternalization(ObjectProvider<AnnouncementRepository> announcements) {
		// resolved when an event is sent: this bean is created very early, before the
		// repository could be
		return EventExternalizationConfiguration.externalizing()
			.selectByType(AnnouncementMade.class)
			.route(AnnouncementMade.class,
					(made) -> RoutingTarget.forTarget(Topics.ANNOUNCEMENT_PUBLISHED)
						.andKey(made.applicationId().toString()))
			.mapping(AnnouncementMade.class, (made) -> toAvro(made, announcements.getObject()))
			.build();
	}

	private static AnnouncementPublished toAvro(AnnouncementMade made, AnnouncementRepository announcements) {
		Announcement announcement = announcements.findById(made.announcementId())
			.orElseThrow(() -> new IllegalStateException("Announcement " + made.announcementId() + " is gone"));
		AnnouncementRepository.Origin origin = announcements.findOrigin(made.announcementId()).orElseThrow();
		return AnnouncementPublished.newBuilder()
			// the same id on every retry, so consumers can de-duplicate a resent record
			.setEventId(UUID
				.nameUUIDFromBytes(("announcement-published:" + announcement.id()).getBytes(StandardCharsets.UTF_8)))
			.setOccurredAt(announcement.publishedAt())
			.setApplicationId(announcement.applicationId())
			.setApplicationVersion(origin.applicationVersion())
			.setCorrelationId(origin.correlationId())
			.setAnnouncementId(announcement.id())
			.setHeadline(announcement.headline())
			.setSummary(announcement.summary())
			.setBody(announcement.body())
			.setPublishedAt(announcement.publishedAt())
			.setLink(announcement.link())
			.build();
	}

}
