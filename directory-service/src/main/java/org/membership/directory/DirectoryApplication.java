package org.membership.directory;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The directory-service: see DESIGN.md for what it owns, publishes and consumes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectoryApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(DirectoryApplication.class, args);
	}

}
