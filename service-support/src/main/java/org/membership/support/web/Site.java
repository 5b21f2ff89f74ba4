package org.membership.support.web;

import java.util.List;

import org.membership.support.association.AssociationProperties;

/**
 * What the shared layout shows on every page: the association, the navigation between the
 * services' pages and the announcements feed. Templates read it as {@code site}.
 *
 * @param association the association's name, tiers and time zone
 * @param navigation the sections of the site, in the order they are shown
 * @param feed the absolute URL of the announcements' Atom feed
 * @param links the base URLs of the services' pages, for links between them
 * @param staffNavigation the pages for staff across the services (the console, the
 * announcement drafts, each service's dead letters), shown on each of them
 */
public record Site(AssociationProperties association, List<Section> navigation, String feed, SiteProperties.Links links,
		List<Section> staffNavigation) {

	/** The sections' keys, as a page names the one it belongs to. */
	public static final String FORM = "form";

	public static final String DIRECTORY = "directory";

	public static final String ANNOUNCEMENTS = "announcements";

	public static final String CONSOLE = "console";

	/** The staff pages' keys, as a staff page names itself in the staff navigation. */
	public static final String APPLICATIONS = "applications";

	public static final String DIRECTORY_DEAD_LETTERS = "directory-dead-letters";

	public static final String NOTIFICATION_DEAD_LETTERS = "notification-dead-letters";

	public static final String ANNOUNCEMENT_DRAFTS = "announcement-drafts";

	/** Where notification-service shows the drafts of the announcements to staff. */
	public static final String ANNOUNCEMENT_DRAFTS_PAGE = "/staff/announcements";

	/** Where a service with dead letters shows them to staff. */
	public static final String DEAD_LETTERS_PAGE = "/staff/dead-letters";

	/**
	 * One entry of the navigation.
	 *
	 * @param key what a page passes to the layout to be marked as the current section
	 * @param label what a person reads
	 * @param href absolute URL
	 */
	public record Section(String key, String label, String href) {
	}

	static Site of(AssociationProperties association, SiteProperties.Links links) {
		return new Site(association,
				List.of(new Section(FORM, "Apply", links.onboarding() + "/"),
						new Section(DIRECTORY, "Members", links.directory() + "/members"),
						new Section(ANNOUNCEMENTS, "Announcements", links.notification() + "/announcements"),
						new Section(CONSOLE, "Staff", links.onboarding() + "/staff")),
				links.notification() + "/announcements.atom", links,
				List.of(new Section(APPLICATIONS, "Applications", links.onboarding() + "/staff"),
						new Section(ANNOUNCEMENT_DRAFTS, "Announcement drafts",
								links.notification() + ANNOUNCEMENT_DRAFTS_PAGE),
						new Section(DIRECTORY_DEAD_LETTERS, "Dead letters: directory",
								links.directory() + DEAD_LETTERS_PAGE),
						new Section(NOTIFICATION_DEAD_LETTERS, "Dead letters: notification",
								links.notification() + DEAD_LETTERS_PAGE)));
	}

}
