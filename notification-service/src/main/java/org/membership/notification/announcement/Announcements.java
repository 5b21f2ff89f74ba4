package org.membership.notification.announcement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published welcome announcements, as pages, API and feed read them (drafts and
 * cancelled ones are never among them), and their automatic publication on the effective
 * date.
 */
@Service
public class Announcements {

	private static final Logger logger = LoggerFactory.getLogger(Announcements.class);

	private final AnnouncementRepository repository;

	private final AnnouncementDrafts drafts;

	private final Publication publication;

	Announcements(AnnouncementRepository repository, AnnouncementDrafts drafts, Publication publication) {
		this.repository = repository;
		this.drafts = drafts;
		this.publication = publication;
	}

	/**
	 * The membership took effect: its draft is published unless staff did so already (a
	 * cancelled one stays cancelled). Without a draft (MemberApproved not consumed yet,
	 * or approved before drafts existed) one is written first. One transaction, the row
	 * locked: a redelivery, a second instance or a staff publication at the same moment
	 * finds it published and changes nothing.
	 */
	@Transactional
	void welcome(Membership membership) {
		Optional<Draft> row = this.repository.lockByApplicationId(membership.applicationId());
		if (row.isEmpty()) {
			this.drafts.write(membership);
			row = this.repository.lockByApplicationId(membership.applicationId());
		}
		Draft draft = row.orElseThrow();
		if (draft.announcement().status() != Announcement.Status.DRAFT) {
			logger.info("Announcement {} of application {} is {} already; event {} changes nothing",
					draft.announcement().id(), membership.applicationId(), draft.announcement().status(),
					membership.eventId());
			return;
		}
		// the membership took effect: "joins", whatever the clock says
		this.publication
			.publish(draft, membership.effectiveFrom(), true,
					Math.max(membership.applicationVersion(), draft.applicationVersion()), "effective date")
			.orElseThrow(() -> new IllegalStateException(
					"Announcement " + draft.announcement().id() + " changed while it was locked"));
	}

	public Optional<Announcement> find(UUID id) {
		return this.repository.findPublished(id);
	}

	public Optional<Announcement> findByApplicationId(UUID applicationId) {
		return this.repository.findPublishedByApplicationId(applicationId);
	}

	public List<Announcement> newestFirst(long offset, int limit) {
		return this.repository.findPublishedNewestFirst(offset, limit);
	}

	public long count() {
		return this.repository.countPublished();
	}

}
