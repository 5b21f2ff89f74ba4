package org.membership.notification.web;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.membership.notification.announcement.Announcement;
import org.membership.notification.announcement.Announcements;
import org.membership.support.association.AssociationProperties;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom 1.0 feed of the newest announcements, written by ROME. Texts are of type
 * {@code text}, so ROME escapes them: an organisation's name never becomes markup.
 */
@RestController
class AnnouncementFeedController {

	private static final int ENTRIES = 50;

	private final Announcements announcements;

	private final AssociationProperties association;

	AnnouncementFeedController(Announcements announcements, AssociationProperties association) {
		this.announcements = announcements;
		this.association = association;
	}

	@GetMapping(path = "/announcements.atom")
	ResponseEntity<String> feed() throws FeedException {
		List<Announcement> newest = this.announcements.newestFirst(0, ENTRIES);
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle(this.association.name() + " announcements");
		feed.setUri(this.association.publicUrl() + "/announcements.atom");
		feed.setLink(this.association.publicUrl() + "/announcements");
		feed.setLinks(List.of(link(this.association.publicUrl() + "/announcements.atom", "self"),
				link(this.association.publicUrl() + "/announcements", "alternate")));
		feed.setAuthor(this.association.name());
		feed.setPublishedDate(newest.isEmpty() ? new Date(0) : Date.from(newest.get(0).publishedAt()));
		List<SyndEntry> entries = new ArrayList<>();
		for (Announcement announcement : newest) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setUri("urn:uuid:" + announcement.id());
			entry.setTitle(announcement.headline());
			entry.setLink(announcement.link());
			entry.setAuthor(this.association.name());
			entry.setPublishedDate(Date.from(announcement.publishedAt()));
			entry.setUpdatedDate(Date.from(announcement.publishedAt()));
			entry.setDescription(text(String.join("\n", announcement.summary())));
			// the whole text: the body, the quotes, the closing paragraph
			entry.setContents(List.of(text(announcement.fullText())));
			entries.add(entry);
		}
		feed.setEntries(entries);
		String xml = new SyndFeedOutput().outputString(feed);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(xml);
	}

	private static SyndContent text(String value) {
		SyndContent content = new SyndContentImpl();
		content.setType("text");
		content.setValue(value);
		return content;
	}

	private static SyndLink link(String href, String rel) {
		SyndLink link = new SyndLinkImpl();
		link.setHref(href);
		link.setRel(rel);
		return link;
	}

}
