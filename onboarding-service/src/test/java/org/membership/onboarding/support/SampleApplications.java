package org.membership.onboarding.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Applications as JSON-ready maps: the reference story, with a unique marker. */
public final class SampleApplications {

	private SampleApplications() {
	}

	/** CLUJ IT Cluster's application; {@code marker} ends up in the description. */
	public static Map<String, Object> clujItCluster(String marker) {
		Map<String, Object> organisation = new LinkedHashMap<>();
		organisation.put("name", "CLUJ IT Cluster");
		organisation.put("legalName", "Asociația CLUJ IT");
		organisation.put("country", "RO");
		organisation.put("city", "Cluj-Napoca");
		organisation.put("website", "https://www.clujit.ro");
		organisation.put("type", "CLUSTER");
		organisation.put("foundedOn", "2012-10-01");
		organisation.put("memberCount", 90);
		organisation.put("description",
				"Innovative cluster of IT companies, universities and research institutes. " + marker);
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("name", "Andrei Kelemen");
		contact.put("role", "CEO");
		contact.put("email", "andrei.kelemen@example.org");
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("organisation", organisation);
		application.put("requestedTier", "FULL");
		application.put("contact", contact);
		return application;
	}

	public static Map<String, Object> clujItCluster() {
		return clujItCluster(UUID.randomUUID().toString());
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> organisation(Map<String, Object> application) {
		return (Map<String, Object>) application.get("organisation");
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> contact(Map<String, Object> application) {
		return (Map<String, Object>) application.get("contact");
	}

}
