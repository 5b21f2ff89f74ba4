package org.membership.events;

import java.util.Arrays;

/**
 * Avro 1.12.2 refuses to instantiate generated classes from packages that are not named
 * in the system property {@value #SERIALIZABLE_PACKAGES}. Every JVM that reads events
 * calls {@link #trustEventPackage()} before the first record is read (the services from
 * {@code main}; tests get the property from the build).
 */
public final class AvroClasses {

	public static final String SERIALIZABLE_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

	private AvroClasses() {
	}

	/** Adds this package to the trusted packages, keeping those already configured. */
	public static void trustEventPackage() {
		String events = AvroClasses.class.getPackageName();
		String current = System.getProperty(SERIALIZABLE_PACKAGES);
		if (current == null || current.isBlank()) {
			System.setProperty(SERIALIZABLE_PACKAGES, events);
		}
		else if (!Arrays.asList(current.split(",")).contains(events)) {
			System.setProperty(SERIALIZABLE_PACKAGES, current + "," + events);
		}
	}

}
