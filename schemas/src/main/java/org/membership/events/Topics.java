package org.membership.events;

import java.util.List;
import java.util.Optional;

/**
 * Every topic of the event contract, in one place, and who reads it. One record type per
 * topic; the record key is always the application id. Dead letters belong to the consumer
 * that failed: {@code <topic>.<consumer-group>-dlt}.
 */
public final class Topics {

	public static final String APPLICATION_RECEIVED = "onboarding.application-received";

	public static final String MEMBER_APPROVED = "onboarding.member-approved";

	public static final String APPLICATION_REJECTED = "onboarding.application-rejected";

	public static final String MEMBERSHIP_EFFECTIVE = "onboarding.membership-effective";

	public static final String APPLICATION_WITHDRAWN = "onboarding.application-withdrawn";

	public static final String EFFECTIVE_DATE_CHANGED = "onboarding.effective-date-changed";

	public static final String ANNOUNCEMENT_PUBLISHED = "notification.announcement-published";

	/** The consumer group (= {@code spring.application.name}) of directory-service. */
	public static final String DIRECTORY_SERVICE = "directory-service";

	/**
	 * The consumer group (= {@code spring.application.name}) of notification-service.
	 */
	public static final String NOTIFICATION_SERVICE = "notification-service";

	/** Ends the name of every dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	/** Every topic with the Avro record type published on it. */
	public static final List<EventTopic> ALL = List.of(
			new EventTopic(APPLICATION_RECEIVED, ApplicationReceived.getClassSchema()),
			new EventTopic(MEMBER_APPROVED, MemberApproved.getClassSchema()),
			new EventTopic(APPLICATION_REJECTED, ApplicationRejected.getClassSchema()),
			new EventTopic(MEMBERSHIP_EFFECTIVE, MembershipEffective.getClassSchema()),
			new EventTopic(APPLICATION_WITHDRAWN, ApplicationWithdrawn.getClassSchema()),
			new EventTopic(EFFECTIVE_DATE_CHANGED, EffectiveDateChanged.getClassSchema()),
			new EventTopic(ANNOUNCEMENT_PUBLISHED, AnnouncementPublished.getClassSchema()));

	/**
	 * Every consumer group of the contract with the topics it reads. A topic read by two
	 * groups has two dead-letter topics.
	 */
	public static final List<ConsumerGroup> CONSUMER_GROUPS = List.of(
			new ConsumerGroup(DIRECTORY_SERVICE,
					List.of(MEMBER_APPROVED, MEMBERSHIP_EFFECTIVE, APPLICATION_WITHDRAWN, EFFECTIVE_DATE_CHANGED)),
			new ConsumerGroup(NOTIFICATION_SERVICE, List.of(APPLICATION_RECEIVED, MEMBER_APPROVED, APPLICATION_REJECTED,
					MEMBERSHIP_EFFECTIVE, APPLICATION_WITHDRAWN, EFFECTIVE_DATE_CHANGED)));

	private Topics() {
	}

	/**
	 * The dead-letter topic of the consumer group {@code group} for {@code topic}, e.g.
	 * {@code onboarding.membership-effective.directory-service-dlt}.
	 */
	public static String deadLetterTopic(String topic, String group) {
		return topic + "." + group + DEAD_LETTER_SUFFIX;
	}

	/** The consumer group called {@code name}, if the contract has one. */
	public static Optional<ConsumerGroup> consumerGroup(String name) {
		return CONSUMER_GROUPS.stream().filter((group) -> group.name().equals(name)).findFirst();
	}

	/** The dead-letter topics of every consumer group, group by group. */
	public static List<String> deadLetterTopics() {
		return CONSUMER_GROUPS.stream().flatMap((group) -> group.deadLetterTopics().stream()).toList();
	}

	/**
	 * The registry subject of the values on {@code topic} (Confluent's
	 * TopicNameStrategy).
	 */
	public static String valueSubject(String topic) {
		return topic + "-value";
	}

}
