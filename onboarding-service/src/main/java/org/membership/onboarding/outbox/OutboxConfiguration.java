package org.membership.onboarding.outbox;

import java.util.Map;

import org.membership.events.Topics;
import org.membership.onboarding.application.ApplicationApproved;
import org.membership.onboarding.application.ApplicationDeclined;
import org.membership.onboarding.application.ApplicationRetracted;
import org.membership.onboarding.application.ApplicationSubmitted;
import org.membership.onboarding.application.EffectiveDateMoved;
import org.membership.onboarding.application.MembershipTookEffect;
import org.membership.onboarding.application.OnboardingEvent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which in-process events leave the service, where to, and as what: every
 * {@link OnboardingEvent} goes to its topic of the contract, keyed by the application id,
 * as its Avro record. The publication is completed (and, in completion mode
 * {@code delete}, removed from the outbox) only once the broker acknowledged the record.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

	static final Map<Class<? extends OnboardingEvent>, String> TOPICS = Map.of(ApplicationSubmitted.class,
			Topics.APPLICATION_RECEIVED, ApplicationApproved.class, Topics.MEMBER_APPROVED, ApplicationDeclined.class,
			Topics.APPLICATION_REJECTED, MembershipTookEffect.class, Topics.MEMBERSHIP_EFFECTIVE,
			ApplicationRetracted.class, Topics.APPLICATION_WITHDRAWN, EffectiveDateMoved.class,
			Topics.EFFECTIVE_DATE_CHANGED);

	@Bean
	EventExternalizationConfiguration eventExternalization() {
		return EventExternalizationConfiguration.externalizing()
			.select((event) -> event instanceof OnboardingEvent)
			.routeAll((event) -> route((OnboardingEvent) event))
			.mapping(OnboardingEvent.class, AvroEvents::toAvro)
			.build();
	}

	static RoutingTarget route(OnboardingEvent event) {
		return RoutingTarget.forTarget(TOPICS.get(event.getClass())).andKey(event.applicationId().toString());
	}

}
