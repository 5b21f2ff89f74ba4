package org.membership.onboarding.web;

import java.time.LocalDate;

import org.membership.onboarding.application.OrganisationType;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The web form's fields, named like the JSON ({@code organisation.name}, ...), so that
 * the same constraints of {@link ApplicationRequest} report errors on the same paths.
 */
public class ApplicationForm {

	private OrganisationFields organisation = new OrganisationFields();

	private String requestedTier;

	private ContactFields contact = new ContactFields();

	private StatementFields statement = new StatementFields();

	public OrganisationFields getOrganisation() {
		return this.organisation;
	}

	public void setOrganisation(OrganisationFields organisation) {
		this.organisation = organisation;
	}

	public String getRequestedTier() {
		return this.requestedTier;
	}

	public void setRequestedTier(String requestedTier) {
		this.requestedTier = requestedTier;
	}

	public ContactFields getContact() {
		return this.contact;
	}

	public void setContact(ContactFields contact) {
		this.contact = contact;
	}

	public StatementFields getStatement() {
		return this.statement;
	}

	public void setStatement(StatementFields statement) {
		this.statement = statement;
	}

	ApplicationRequest toRequest() {
		OrganisationFields o = this.organisation;
		return new ApplicationRequest(
				new ApplicationRequest.OrganisationRequest(o.name, o.legalName, o.country, o.city, o.website, o.type,
						o.foundedOn, o.memberCount, o.description, lineFeeds(o.aims)),
				this.requestedTier,
				new ApplicationRequest.ContactRequest(this.contact.name, this.contact.role, this.contact.email),
				new ApplicationRequest.StatementRequest(lineFeeds(this.statement.text)));
	}

	/**
	 * A textarea's line breaks as the browser counted them for {@code maxlength}: one
	 * character each, although it sends CR LF.
	 */
	private static String lineFeeds(String text) {
		return (text != null) ? text.replace("\r\n", "\n") : null;
	}

	/** The organisation's fields. */
	public static class OrganisationFields {

		private String name;

		private String legalName;

		private String country;

		private String city;

		private String website;

		private OrganisationType type;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate foundedOn;

		private Integer memberCount;

		private String description;

		private String aims;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getLegalName() {
			return this.legalName;
		}

		public void setLegalName(String legalName) {
			this.legalName = legalName;
		}

		public String getCountry() {
			return this.country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getCity() {
			return this.city;
		}

		public void setCity(String city) {
			this.city = city;
		}

		public String getWebsite() {
			return this.website;
		}

		public void setWebsite(String website) {
			this.website = website;
		}

		public OrganisationType getType() {
			return this.type;
		}

		public void setType(OrganisationType type) {
			this.type = type;
		}

		public LocalDate getFoundedOn() {
			return this.foundedOn;
		}

		public void setFoundedOn(LocalDate foundedOn) {
			this.foundedOn = foundedOn;
		}

		public Integer getMemberCount() {
			return this.memberCount;
		}

		public void setMemberCount(Integer memberCount) {
			this.memberCount = memberCount;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getAims() {
			return this.aims;
		}

		public void setAims(String aims) {
			this.aims = aims;
		}

	}

	/** The contact person's fields. */
	public static class ContactFields {

		private String name;

		private String role;

		private String email;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

	}

	/** The contact's statement. */
	public static class StatementFields {

		private String text;

		public String getText() {
			return this.text;
		}

		public void setText(String text) {
			this.text = text;
		}

	}

}
