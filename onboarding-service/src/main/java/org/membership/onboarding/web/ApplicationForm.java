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

	ApplicationRequest toRequest() {
		OrganisationFields o = this.organisation;
		return new ApplicationRequest(
				new ApplicationRequest.OrganisationRequest(o.name, o.legalName, o.country, o.city, o.website, o.type,
						o.foundedOn, o.memberCount, o.description),
				this.requestedTier,
				new ApplicationRequest.ContactRequest(this.contact.name, this.contact.role, this.contact.email));
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

}
