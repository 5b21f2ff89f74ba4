package org.membership.directory;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The directory-service: the public member directory, a read model of the onboarding
 * topics (docs/directory-service.md in the repository).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// the retention of the processed event ids (member.ProcessedEventRetention)
@EnableScheduling
public class DirectoryApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(DirectoryApplication.class, args);
	}

}
