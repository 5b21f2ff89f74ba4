package org.membership.onboarding.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.membership.events.Contact;
import org.membership.events.Organisation;
import org.membership.stack.testing.SampleEvents;

/** Applications as JSON-ready maps: the reference story, with a unique marker. */
public final class SampleApplications {

	private SampleApplications() {
	}

	/**
	 * CLUJ IT Cluster's application, as the form sends it: the organisation and contact
	 * of the reference story's events, with its aims and the contact's statement;
	 * {@code marker} ends up in the description.
	 */
	public static Map<String, Object> clujItCluster(String marker) {
		Organisation story = SampleEvents.organisation().build();
		Map<String, Object> organisation = new LinkedHashMap<>();
		organisation.put("name", story.getName());
		organisation.put("legalName", story.getLegalName());
		organisation.put("country", story.getCountry());
		organisation.put("city", story.getCity());
		organisation.put("website", story.getWebsite());
		organisation.put("type", story.getType().name());
		organisation.put("foundedOn", story.getFoundedOn().toString());
		organisation.put("memberCount", story.getMemberCount());
		organisation.put("description", story.getDescription() + " " + marker);
		organisation.put("aims", story.getAims());
		Contact person = SampleEvents.contact().build();
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("name", person.getName());
		contact.put("role", person.getRole());
		contact.put("email", person.getEmail());
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("organisation", organisation);
		application.put("requestedTier", SampleEvents.TIER);
		application.put("contact", contact);
		application.put("statement", new LinkedHashMap<>(Map.of("text", SampleEvents.STATEMENT)));
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
	public static Map<String, Object> statement(Map<String, Object> application) {
		return (Map<String, Object>) application.get("statement");
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> contact(Map<String, Object> application) {
		return (Map<String, Object>) application.get("contact");
	}

}
