package org.membership.events;

import java.util.List;

/**
 * Every topic of the event contract, in one place. One record type per topic; the record
 * key is always the application id. Dead letters go to {@code <topic>-dlt}, Spring
 * Kafka's default name.
 */
public final class Topics {

	public static final String APPLICATION_RECEIVED = "onboarding.application-received";

	public static final String MEMBER_APPROVED = "onboarding.member-approved";

	public static final String APPLICATION_REJECTED = "onboarding.application-rejected";

	public static final String MEMBERSHIP_EFFECTIVE = "onboarding.membership-effective";

	public static final String ANNOUNCEMENT_PUBLISHED = "notification.announcement-published";

	/** Suffix Spring Kafka's {@code DeadLetterPublishingRecoverer} appends by default. */
	public static final String DEAD_LETTER_SUFFIX = "-dlt";

	/** Every topic with the Avro record type published on it. */
	public static final List<EventTopic> ALL = List.of(
			new EventTopic(APPLICATION_RECEIVED, ApplicationReceived.getClassSchema()),
			new EventTopic(MEMBER_APPROVED, MemberApproved.getClassSchema()),
			new EventTopic(APPLICATION_REJECTED, ApplicationRejected.getClassSchema()),
			new EventTopic(MEMBERSHIP_EFFECTIVE, MembershipEffective.getClassSchema()),
			new EventTopic(ANNOUNCEMENT_PUBLISHED, AnnouncementPublished.getClassSchema()));

	private Topics() {
	}

	/** The dead-letter topic of {@code topic}. */
	public static String deadLetterTopic(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	/**
	 * The registry subject of the values on {@code topic} (Confluent's
	 * TopicNameStrategy).
	 */
	public static String valueSubject(String topic) {
		return topic + "-value";
	}

}
