package org.membership.support.deadletter;

import org.membership.events.Topics;
import org.membership.support.ApplicationName;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches a service that the contract names as a consumer group
 * ({@link Topics#CONSUMER_GROUPS}, by {@code spring.application.name}): only a consumer
 * has dead letters.
 */
class OnContractConsumerCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("contract consumer group");
		String name = ApplicationName.find(context.getEnvironment()).orElse(null);
		if (name != null && Topics.consumerGroup(name).isPresent()) {
			return ConditionOutcome.match(message.found("consumer group").items(name));
		}
		return ConditionOutcome.noMatch(message.didNotFind("consumer group").items(String.valueOf(name)));
	}

}
