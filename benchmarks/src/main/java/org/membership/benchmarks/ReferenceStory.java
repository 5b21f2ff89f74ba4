package org.membership.benchmarks;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference story's membership form (CLUJ IT Cluster applies as a Full Member), each
 * copy with its own organisation name and contact address: a load of identical
 * applications would measure what the system does with duplicates, not with applicants.
 */
final class ReferenceStory {

	/**
	 * Tells the applications of this run from those of earlier runs on the same stack.
	 */
	private static final String RUN = Long.toString(new SecureRandom().nextLong() & 0xffffffffL, 36);

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private ReferenceStory() {
	}

	/**
	 * The next application of this run, as the JSON body of
	 * {@code POST /api/applications}.
	 */
	static String nextApplication() {
		return application(RUN + "-" + SEQUENCE.incrementAndGet());
	}

	/** What tells this run's applications from those of earlier runs. */
	static String run() {
		return RUN;
	}

	static String application(String unique) {
		return """
				{
				  "organisation": {
				    "name": "CLUJ IT Cluster %1$s",
				    "legalName": "Asociația CLUJ IT",
				    "country": "RO",
				    "city": "Cluj-Napoca",
				    "website": "https://www.clujit.ro",
				    "type": "CLUSTER",
				    "foundedOn": "2012-10-01",
				    "memberCount": 90,
				    "description": "Innovative cluster of IT companies, universities and research institutes."
				  },
				  "requestedTier": "FULL",
				  "contact": { "name": "Andrei Kelemen", "role": "CEO", "email": "andrei.kelemen.%1$s@example.org" }
				}""".formatted(unique);
	}

}
