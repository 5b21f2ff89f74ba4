package org.membership.notification.announcement;

import org.membership.events.AnnouncementPublished;
import org.membership.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Sends {@link AnnouncementMade} from the outbox to
 * {@code notification.announcement-published} as the Avro AnnouncementPublished, keyed by
 * the application id. The mapping is a pure function of the stored event.
 */
@Configuration(proxyBeanMethods = false)
class AnnouncementExternalizationConfiguration {

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.selectByType(AnnouncementMade.class)
			.route(AnnouncementMade.class,
					(made) -> RoutingTarget.forTarget(Topics.ANNOUNCEMENT_PUBLISHED)
						.andKey(made.applicationId().toString()))
			.mapping(AnnouncementMade.class, AnnouncementExternalizationConfiguration::toAvro)
			.build();
	}

	static AnnouncementPublished toAvro(AnnouncementMade made) {
		return AnnouncementPublished.newBuilder()
			.setEventId(made.eventId())
			.setOccurredAt(made.publishedAt())
			.setApplicationId(made.applicationId())
			.setApplicationVersion(made.applicationVersion())
			.setCorrelationId(made.correlationId())
			.setAnnouncementId(made.announcementId())
			.setHeadline(made.headline())
			.setSummary(made.summary())
			.setBody(made.body())
			.setPublishedAt(made.publishedAt())
			.setLink(made.link())
			.build();
	}

}
