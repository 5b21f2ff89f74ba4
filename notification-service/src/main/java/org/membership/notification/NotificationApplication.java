package org.membership.notification;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The notification-service: see docs/notification-service.md for what it owns, publishes
 * and consumes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(NotificationApplication.class, args);
	}

}
