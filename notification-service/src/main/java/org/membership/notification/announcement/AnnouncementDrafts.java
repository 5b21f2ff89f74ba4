package org.membership.notification.announcement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.membership.support.association.AssociationTime;
import org.membership.support.problem.ConflictException;
import org.membership.support.problem.NotFoundException;
import org.membership.support.problem.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafts of the welcome announcements: written on MemberApproved, given the contact's
 * statement as a quote when ApplicationReceived brings one, edited and published by
 * staff, cancelled or moved to another date when the application changes. Each method is
 * one transaction; the listeners' ones are idempotent (the application has one row; a
 * stale application version changes nothing).
 */
@Service
public class AnnouncementDrafts {

	private static final Logger logger = LoggerFactory.getLogger(AnnouncementDrafts.class);

	private final AnnouncementRepository repository;

	private final AnnouncementWriter writer;

	private final Publication publication;

	private final AssociationTime time;

	AnnouncementDrafts(AnnouncementRepository repository, AnnouncementWriter writer, Publication publication,
			AssociationTime time) {
		this.repository = repository;
		this.writer = writer;
		this.publication = publication;
		this.time = time;
	}

	/**
	 * MemberApproved: writes the draft from the templates, with the contact's statement
	 * when it is known; a redelivery (or a second event of the application) finds the row
	 * and changes nothing.
	 */
	@Transactional
	public void approved(Membership membership) {
		if (!write(membership)) {
			logger.info("Application {} has its announcement already; event {} changes nothing",
					membership.applicationId(), membership.eventId());
		}
	}

	/** Writes the draft unless the application has its row. */
	boolean write(Membership membership) {
		Optional<Announcement.Quote> quote = this.repository
			.lockStatement(membership.applicationId(), membership.organisation().name())
			.flatMap(this.writer::quote);
		UUID id = UUID.randomUUID();
		boolean written = this.repository.insertDraftIfAbsent(id, membership,
				this.writer.write(membership, this.time.today()), quote.stream().toList(), quote.isPresent(), now());
		if (written) {
			logger.info("Wrote draft announcement {} for application {} (event {})", id, membership.applicationId(),
					membership.eventId());
		}
		return written;
	}

	/**
	 * ApplicationReceived: remembers what the contact said; a draft written before it
	 * arrived and not published yet gets the statement as its first quote.
	 */
	@Transactional
	public void statement(Statement statement) {
		this.repository.rememberStatement(statement);
		Optional<Announcement.Quote> quote = this.writer.quote(statement);
		if (quote.isEmpty()) {
			return;
		}
		this.repository.lockByApplicationId(statement.applicationId())
			.filter((draft) -> draft.announcement().status() == Announcement.Status.DRAFT)
			.ifPresent((draft) -> {
				List<Announcement.Quote> quotes = new ArrayList<>();
				quotes.add(quote.get());
				quotes.addAll(draft.announcement().quotes());
				if (this.repository.addStatementQuote(draft.announcement().id(), draft.version(), quotes, now())) {
					logger.info("Quoted the contact's statement in draft {} of application {}",
							draft.announcement().id(), statement.applicationId());
				}
			});
	}

	/**
	 * The application was withdrawn: its draft is cancelled (never published, neither by
	 * staff nor on the effective date). A published announcement stays published; an
	 * event older than what the draft follows changes nothing.
	 * @return whether a draft was cancelled
	 */
	@Transactional
	public boolean cancel(UUID applicationId, long applicationVersion) {
		boolean cancelled = this.repository.cancel(applicationId, applicationVersion, now());
		logger.info("Application {} withdrawn (version {}): {}", applicationId, applicationVersion,
				cancelled ? "its draft announcement is cancelled" : "no draft to cancel");
		return cancelled;
	}

	/**
	 * The effective date changed: the draft's texts name the new date ("will join ... as
	 * of" it) and it is published automatically on that date. A published or cancelled
	 * announcement, or an event older than what the draft follows, changes nothing.
	 * @return whether the draft changed
	 */
	@Transactional
	public boolean redate(UUID applicationId, LocalDate effectiveFrom, long applicationVersion) {
		Optional<Draft> row = this.repository.lockByApplicationId(applicationId)
			.filter((draft) -> draft.announcement().status() == Announcement.Status.DRAFT)
			.filter((draft) -> draft.applicationVersion() < applicationVersion);
		if (row.isEmpty()) {
			logger.info("Application {} moved to {} (version {}): no draft to change", applicationId, effectiveFrom,
					applicationVersion);
			return false;
		}
		Draft draft = row.get();
		Announcement announcement = draft.announcement();
		LocalDate from = draft.effectiveFrom();
		UnaryOperator<String> redated = (text) -> (from != null) ? AnnouncementWriter.redate(text, from, effectiveFrom)
				: text;
		AnnouncementWriter.Text text = new AnnouncementWriter.Text(redated.apply(announcement.headline()),
				announcement.summary().stream().map(redated).toList(), redated.apply(announcement.body()),
				redated.apply(announcement.boilerplate()));
		return this.repository.redate(announcement.id(), draft.version(), effectiveFrom, text, applicationVersion,
				now());
	}

	/** Announcements of one status, the newest first. */
	public List<Draft> list(Announcement.Status status, long offset, int limit) {
		return this.repository.findByStatus(status, offset, limit);
	}

	public long count(Announcement.Status status) {
		return this.repository.countByStatus(status);
	}

	/** The application's draft (or published or cancelled announcement). */
	public Optional<Draft> findByApplicationId(UUID applicationId) {
		return this.repository.findDraftByApplicationId(applicationId);
	}

	/** A draft (or a published or cancelled announcement) by its id. */
	public Draft find(UUID id) {
		return this.repository.findDraft(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Replaces a draft's texts, if it is still at {@code expectedVersion}.
	 * @throws ProblemException 404 unknown, 409 published or cancelled, 412 changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public Draft edit(UUID id, long expectedVersion, DraftEdit edit, String by) {
		Draft draft = this.repository.lock(id).orElseThrow(() -> notFound(id));
		requireDraft(draft, "edited");
		if (draft.version() != expectedVersion) {
			throw stale(draft);
		}
		DraftEdit texts = edit.normalised();
		this.repository.edit(id, expectedVersion, texts.headline(), texts.summary(), texts.body(), texts.quoteList(),
				by, now());
		return find(id);
	}

	/**
	 * Publishes a draft now: page, feed, AnnouncementPublished and the welcome mail.
	 * @throws ProblemException 404 unknown, 409 published already or cancelled
	 */
	@Transactional
	public Announcement publish(UUID id, String by) {
		// locked: a second request waits here and then finds it published
		Draft draft = this.repository.lock(id).orElseThrow(() -> notFound(id));
		requireDraft(draft, "published");
		return this.publication
			.publish(draft, draft.effectiveFrom(), false, draft.applicationVersion(), (by != null) ? by : "staff")
			.orElseThrow(() -> new ConflictException("announcement-changed", "Announcement changed",
					"Announcement " + id + " changed while it was being published; reload it."));
	}

	/**
	 * The draft as its public page would show it if it were published now ("joins" from
	 * the effective date, today as its date).
	 */
	public Announcement preview(UUID id) {
		Draft draft = find(id);
		Announcement announcement = draft.announcement();
		if (announcement.status() == Announcement.Status.PUBLISHED) {
			return announcement;
		}
		AnnouncementWriter.Text text = this.publication.textsAsOfNow(draft, draft.effectiveFrom());
		return new Announcement(announcement.id(), announcement.applicationId(), text.headline(), text.summary(),
				text.body(), announcement.quotes(), now(), announcement.link(), announcement.status(),
				text.boilerplate());
	}

	private static void requireDraft(Draft draft, String what) {
		Announcement.Status status = draft.announcement().status();
		if (status == Announcement.Status.PUBLISHED) {
			throw new ConflictException("announcement-published", "Announcement published", "Announcement "
					+ draft.announcement().id() + " is published already; it cannot be " + what + " any more.");
		}
		if (status == Announcement.Status.CANCELLED) {
			throw new ConflictException("announcement-cancelled", "Announcement cancelled",
					"Announcement " + draft.announcement().id() + " was cancelled (the application was withdrawn)"
							+ " and cannot be " + what + ".");
		}
	}

	private static ProblemException stale(Draft draft) {
		return new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-draft", "Draft changed",
				"Draft " + draft.announcement().id() + " was changed since you read it (it is at version "
						+ draft.version() + " now, ETag " + draft.etag() + "); read it again and redo the edit.");
	}

	private static NotFoundException notFound(UUID id) {
		return new NotFoundException("No announcement draft " + id);
	}

	private Instant now() {
		return this.time.now().toInstant();
	}

}
