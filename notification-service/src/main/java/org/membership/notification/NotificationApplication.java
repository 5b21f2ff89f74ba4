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

	private static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		// Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader
		// for every part of every MimeMessage (jakartaee/mail-api#861): in
		// this jar that scan of the nested jars took half of the service's
		// processor time in P1 (docs/performance.md). Named here, the lookup
		// is a Class.forName.
		if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
			System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
		SpringApplication.run(NotificationApplication.class, args);
	}

}
