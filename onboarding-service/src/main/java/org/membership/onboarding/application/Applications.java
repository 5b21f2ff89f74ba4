package org.membership.onboarding.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.membership.support.problem.InvalidFieldException;
import org.membership.support.tracing.Traces;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an application. Each state change, its history entry and its event commit
 * in one transaction: the event is published in-process and stored by the outbox (Spring
 * Modulith's event publication registry) with that transaction, then sent to Kafka after
 * the commit.
 */
@Service
public class Applications {

	private static final Logger logger = LoggerFactory.getLogger(Applications.class);

	/** The actor of the submission in the history. */
	public static final String APPLICANT = "applicant";

	/** The actor of the effective date in the history. */
	public static final String SCHEDULER = "scheduler";

	private final ApplicationRepository repository;

	private final ApplicationEventPublisher events;

	private final StatusTokens tokens;

	private final SecureRandom random;

	private final Clock clock;

	private final JsonMapper json;

	private final ApplicationMetrics metrics;

	private final TransactionTemplate transactions;

	private final Traces traces;

	Applications(ApplicationRepository repository, ApplicationEventPublisher events, StatusTokens tokens,
			SecureRandom random, Clock clock, JsonMapper json, ApplicationMetrics metrics,
			PlatformTransactionManager transactionManager, Traces traces) {
		this.repository = repository;
		this.events = events;
		this.tokens = tokens;
		this.random = random;
		this.clock = clock;
		this.json = json;
		this.metrics = metrics;
		this.transactions = new TransactionTemplate(transactionManager);
		this.traces = traces;
	}

	/**
	 * Stores a new application and publishes {@link ApplicationSubmitted}. With an
	 * Idempotency-Key, a repetition of the same body returns the first application and
	 * another body fails with {@link IdempotencyKeyReusedException}. The application's
	 * correlation id is the trace id of the submission: every later event of the
	 * application continues that trace.
	 */
	public Submission submit(NewApplication application, String idempotencyKey) {
		String correlationId = this.traces.traceId();
		if (idempotencyKey == null) {
			return this.transactions.execute((status) -> create(application, correlationId, null));
		}
		String keyHash = StatusTokens.hash("idempotency-key\n" + idempotencyKey);
		String requestHash = HexFormat.of().formatHex(StatusTokens.sha256(canonical(application)));
		Optional<Submission> earlier = replay(keyHash, requestHash, idempotencyKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return this.transactions.execute((status) -> create(application, correlationId,
					new IdempotencyKey(idempotencyKey, keyHash, requestHash)));
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// the same key arrived twice at once: the other request committed first
			return replay(keyHash, requestHash, idempotencyKey).orElseThrow(() -> ex);
		}
	}

	private record IdempotencyKey(String key, String keyHash, String requestHash) {
	}

	private Submission create(NewApplication request, String correlationId, IdempotencyKey idempotencyKey) {
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		String token = this.tokens.generate();
		Application application = new Application(id, ApplicationStatus.SUBMITTED, 1, correlationId,
				request.organisation(), request.requestedTier(), request.contact(), now, null, null, null,
				request.statement());
		this.repository.insert(application, StatusTokens.hash(token));
		this.repository.addHistory(id, new HistoryEntry(1, ApplicationStatus.SUBMITTED, APPLICANT, now,
				"requested tier " + request.requestedTier()));
		if (idempotencyKey != null) {
			this.repository.insertIdempotencyRecord(idempotencyKey.keyHash(),
					new ApplicationRepository.IdempotencyRecord(idempotencyKey.requestHash(), id,
							TokenSeal.seal(token, idempotencyKey.key(), idempotencyKey.requestHash(), this.random)),
					now);
		}
		this.events
			.publishEvent(new ApplicationSubmitted(UUID.randomUUID(), now, id, 1, correlationId, request.organisation(),
					request.requestedTier(), request.contact(), request.statement(), now, this.traces.traceparent()));
		this.metrics.submitted();
		try (MDC.MDCCloseable applicationId = MDC.putCloseable("applicationId", id.toString())) {
			logger.info("Application {} submitted by {} ({})", id, request.organisation().name(),
					request.organisation().country());
		}
		return new Submission(id, ApplicationStatus.SUBMITTED, token, false);
	}

	private Optional<Submission> replay(String keyHash, String requestHash, String idempotencyKey) {
		return this.repository.findIdempotencyRecord(keyHash).map((record) -> {
			if (!record.requestHash().equals(requestHash)) {
				throw new IdempotencyKeyReusedException();
			}
			Application application = this.repository.findById(record.applicationId())
				.orElseThrow(() -> new ApplicationNotFoundException(record.applicationId()));
			String token = TokenSeal.open(record.sealedToken(), idempotencyKey, requestHash);
			return new Submission(application.id(), application.status(), token, true);
		});
	}

	private String canonical(NewApplication application) {
		return this.json.writeValueAsString(application);
	}

	/**
	 * Approves a SUBMITTED application and publishes {@link ApplicationApproved}.
	 * @throws ApplicationNotFoundException when there is no such application
	 * @throws ApplicationAlreadyDecidedException when it is no longer SUBMITTED (another
	 * decision won)
	 */
	public Application approve(UUID id, String tier, LocalDate effectiveFrom, String note, String approvedBy) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			if (!this.repository.approve(id, tier, effectiveFrom, note, approvedBy, now)) {
				throw notDecidable(id);
			}
			Application approved = this.repository.findById(id).orElseThrow();
			this.repository.addHistory(id, new HistoryEntry(approved.version(), ApplicationStatus.APPROVED, approvedBy,
					now, "tier " + tier + ", effective from " + effectiveFrom + ((note != null) ? ": " + note : "")));
			return inTraceOf(approved, "application approved", () -> {
				this.events.publishEvent(new ApplicationApproved(UUID.randomUUID(), now, id, approved.version(),
						approved.correlationId(), tier, effectiveFrom, approvedBy, approved.organisation(), note,
						this.traces.traceparent()));
				this.metrics.approved();
				logger.info("Application {} approved by {}: tier {}, effective from {}", id, approvedBy, tier,
						effectiveFrom);
				return approved;
			});
		});
	}

	/**
	 * Rejects a SUBMITTED application and publishes {@link ApplicationDeclined}.
	 * @throws ApplicationNotFoundException when there is no such application
	 * @throws ApplicationAlreadyDecidedException when it is no longer SUBMITTED
	 */
	public Application reject(UUID id, String reason, String rejectedBy) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			if (!this.repository.reject(id, reason, rejectedBy, now)) {
				throw notDecidable(id);
			}
			Application rejected = this.repository.findById(id).orElseThrow();
			this.repository.addHistory(id,
					new HistoryEntry(rejected.version(), ApplicationStatus.REJECTED, rejectedBy, now, reason));
			return inTraceOf(rejected, "application rejected", () -> {
				this.events.publishEvent(new ApplicationDeclined(UUID.randomUUID(), now, id, rejected.version(),
						rejected.correlationId(), reason, rejectedBy, this.traces.traceparent()));
				this.metrics.rejected();
				logger.info("Application {} rejected by {}", id, rejectedBy);
				return rejected;
			});
		});
	}

	/**
	 * Makes an APPROVED application EFFECTIVE if its effectiveFrom is at most
	 * {@code today}, and publishes {@link MembershipTookEffect}. Of several callers at
	 * once (threads, instances) exactly one makes the change and publishes.
	 * @return whether this call made it effective
	 */
	public boolean makeEffective(UUID id, LocalDate today) {
		Boolean changed = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			if (!this.repository.makeEffective(id, today, now)) {
				return false;
			}
			Application effective = this.repository.findById(id).orElseThrow();
			Application.Decision decision = effective.decision();
			this.repository.addHistory(id, new HistoryEntry(effective.version(), ApplicationStatus.EFFECTIVE, SCHEDULER,
					now, "effective from " + decision.effectiveFrom()));
			return inTraceOf(effective, "membership effective", () -> {
				this.events.publishEvent(new MembershipTookEffect(UUID.randomUUID(), now, id, effective.version(),
						effective.correlationId(), decision.tier(), decision.effectiveFrom(), effective.organisation(),
						this.traces.traceparent()));
				this.metrics.effective();
				logger.info("Application {} is effective from {}", id, decision.effectiveFrom());
				return true;
			});
		});
		return Boolean.TRUE.equals(changed);
	}

	/**
	 * Withdraws a SUBMITTED or APPROVED application and publishes
	 * {@link ApplicationRetracted}. An approved application withdrawn this way never
	 * becomes effective: the scheduler only changes APPROVED rows.
	 * @param by the applicant or staff
	 * @param actor {@link #APPLICANT} or the staff user
	 * @param reason why, optional
	 * @throws ApplicationNotFoundException when there is no such application
	 * @throws ApplicationStateConflictException when it is effective, rejected or
	 * withdrawn (maybe by a change that won a race)
	 */
	public Application withdraw(UUID id, Withdrawer by, String actor, String reason) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			if (!this.repository.withdraw(id, by, actor, reason, now)) {
				throw this.repository.findById(id)
					.<RuntimeException>map(
							(current) -> ApplicationStateConflictException.notWithdrawable(id, current.status()))
					.orElseGet(() -> new ApplicationNotFoundException(id));
			}
			Application withdrawn = this.repository.findById(id).orElseThrow();
			this.repository.addHistory(id, new HistoryEntry(withdrawn.version(), ApplicationStatus.WITHDRAWN, actor,
					now, (reason != null) ? reason : "withdrawn by the applicant"));
			return inTraceOf(withdrawn, "application withdrawn", () -> {
				this.events.publishEvent(new ApplicationRetracted(UUID.randomUUID(), now, id, withdrawn.version(),
						withdrawn.correlationId(), by, reason, now, this.traces.traceparent()));
				this.metrics.withdrawn();
				logger.info("Application {} withdrawn by {}", id, actor);
				return withdrawn;
			});
		});
	}

	/**
	 * Moves the effectiveFrom of an APPROVED application and publishes
	 * {@link EffectiveDateMoved}; the application stays APPROVED (the caller makes it
	 * effective when the new date has come, as after an approval).
	 * @throws ApplicationNotFoundException when there is no such application
	 * @throws ApplicationStateConflictException when it is not APPROVED, or another
	 * change won a race
	 * @throws InvalidFieldException when {@code effectiveFrom} is the current date
	 */
	public Application changeEffectiveDate(UUID id, LocalDate effectiveFrom, String reason, String changedBy) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Application current = this.repository.findById(id).orElseThrow(() -> new ApplicationNotFoundException(id));
			if (current.status() != ApplicationStatus.APPROVED) {
				throw ApplicationStateConflictException.notApproved(id, current.status());
			}
			LocalDate previous = current.decision().effectiveFrom();
			if (previous.equals(effectiveFrom)) {
				throw new InvalidFieldException("effectiveFrom", "is the effective date already");
			}
			if (!this.repository.changeEffectiveFrom(id, current.version(), effectiveFrom)) {
				ApplicationStatus latest = this.repository.findById(id).orElseThrow().status();
				throw (latest == ApplicationStatus.APPROVED)
						? ApplicationStateConflictException.changedMeanwhile(id, latest)
						: ApplicationStateConflictException.notApproved(id, latest);
			}
			Application changed = this.repository.findById(id).orElseThrow();
			Application.Decision decision = changed.decision();
			this.repository.addHistory(id, new HistoryEntry(changed.version(), ApplicationStatus.APPROVED, changedBy,
					now, "effective from " + effectiveFrom + " instead of " + previous + ": " + reason));
			return inTraceOf(changed, "effective date changed", () -> {
				this.events.publishEvent(new EffectiveDateMoved(UUID.randomUUID(), now, id, changed.version(),
						changed.correlationId(), previous, effectiveFrom, reason, changedBy, decision.tier(),
						changed.organisation(), this.traces.traceparent()));
				this.metrics.rescheduled();
				logger.info("Application {}: effective date moved by {} from {} to {}", id, changedBy, previous,
						effectiveFrom);
				return changed;
			});
		});
	}

	/**
	 * Does {@code work} in the application's trace (its correlation id), with its id in
	 * the log lines: a decision or an effective date days after the submission still
	 * belongs to the application's one trace, whatever request or scheduler run made it.
	 */
	private <T> T inTraceOf(Application application, String name, Supplier<T> work) {
		try (MDC.MDCCloseable applicationId = MDC.putCloseable("applicationId", application.id().toString())) {
			return this.traces.continuing(this.traces.traceparentIn(application.correlationId()), name, work);
		}
	}

	private RuntimeException notDecidable(UUID id) {
		return this.repository.findById(id)
			.<RuntimeException>map((current) -> new ApplicationAlreadyDecidedException(id, current.status()))
			.orElseGet(() -> new ApplicationNotFoundException(id));
	}

	public Optional<Application> find(UUID id) {
		return this.repository.findById(id);
	}

	public List<HistoryEntry> history(UUID id) {
		return this.repository.history(id);
	}

	public Page<Application> findAll(ApplicationStatus status, Pageable pageable) {
		return this.repository.findAll(status, pageable);
	}

	/**
	 * A page of the SUBMITTED applications, oldest first: those submitted before
	 * {@code cutoff} ({@code before}) or the others.
	 */
	public Page<Application> findSubmitted(boolean before, Instant cutoff, Pageable pageable) {
		return this.repository.findSubmitted(before, cutoff, pageable);
	}

	/**
	 * Gives the application a new status token, which replaces the old one (its link
	 * stops working), if {@code email} is its contact's address (case insensitive) and
	 * its token was not renewed within {@code minInterval}. Joins the caller's
	 * transaction, so that the renewal is undone when the new link cannot be delivered.
	 * Neither the token nor the address is logged.
	 * @return the application and its new token; empty when the reference and the address
	 * do not match, or the last renewal was too recent
	 */
	public Optional<RenewedStatusToken> renewStatusToken(UUID id, String email, Duration minInterval) {
		Instant now = this.clock.instant();
		String token = this.tokens.generate();
		if (!this.repository.renewStatusToken(id, email.strip(), StatusTokens.hash(token), now,
				now.minus(minInterval))) {
			return Optional.empty();
		}
		return Optional.of(new RenewedStatusToken(this.repository.findById(id).orElseThrow(), token));
	}

	/**
	 * A renewed status token.
	 *
	 * @param token the applicant's new private token: for the mail to the contact only
	 */
	public record RenewedStatusToken(Application application, String token) {

		@Override
		public String toString() {
			// never the token, whoever prints this
			return "RenewedStatusToken[application=" + this.application.id() + "]";
		}

	}

	/** Approved applications due on {@code today}. */
	public List<UUID> findDue(LocalDate today, int limit) {
		return this.repository.findDue(today, limit);
	}

	/**
	 * The application that {@code token} opens; empty for an unknown id and for a wrong
	 * token alike.
	 */
	public Optional<Application> findWithToken(UUID id, String token) {
		Optional<String> hash = this.repository.findStatusTokenHash(id);
		// an unknown id costs the same hashing as a wrong token
		boolean matches = StatusTokens.matches(token, hash.orElse(StatusTokens.hash("")));
		return (hash.isPresent() && matches && token != null && !token.isEmpty()) ? this.repository.findById(id)
				: Optional.empty();
	}

}
