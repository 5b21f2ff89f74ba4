package org.membership.onboarding.timeline;

import java.util.UUID;

import org.membership.onboarding.application.Application;
import org.membership.onboarding.application.ApplicationNotFoundException;
import org.membership.onboarding.application.Applications;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The timelines of applications, read from Kafka within the configured bounds
 * ({@link TimelineProperties}), from the application's submission on.
 */
@Service
@EnableConfigurationProperties(TimelineProperties.class)
public class ApplicationTimelines {

	private final Applications applications;

	private final TimelineReader reader;

	private final TimelineProperties bounds;

	ApplicationTimelines(Applications applications, TimelineReader reader, TimelineProperties bounds) {
		this.applications = applications;
		this.reader = reader;
		this.bounds = bounds;
	}

	/**
	 * The timeline of the application {@code id}.
	 * @throws ApplicationNotFoundException when there is no such application
	 */
	public Timeline of(UUID id) {
		return of(id, this.bounds);
	}

	Timeline of(UUID id, TimelineProperties bounds) {
		Application application = this.applications.find(id).orElseThrow(() -> new ApplicationNotFoundException(id));
		return this.reader.read(id, application.submittedAt().minus(bounds.startMargin()), bounds);
	}

}
