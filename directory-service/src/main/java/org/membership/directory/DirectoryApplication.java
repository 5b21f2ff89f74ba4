package org.membership.directory;

import org.membership.events.AvroClasses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The directory-service: see DESIGN.md for what it owns, publishes and consumes. */
@SpringBootApplication
public class DirectoryApplication {

	public static void main(String[] args) {
		AvroClasses.trustEventPackage();
		SpringApplication.run(DirectoryApplication.class, args);
	}

}
