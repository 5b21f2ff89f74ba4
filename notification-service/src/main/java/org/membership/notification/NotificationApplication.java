package org.membership.notification;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The notification-service: see DESIGN.md for what it owns, publishes and consumes. */
@SpringBootApplication
public class NotificationApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(NotificationApplication.class, args);
	}

}
