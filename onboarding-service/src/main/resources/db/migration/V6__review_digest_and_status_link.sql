-- The daily digest of overdue reviews, one row per day of the association's calendar, and when
-- each application's status link was last renewed. Portable SQL: H2 (default) and PostgreSQL.

CREATE TABLE review_digest (
    -- the day the digest is for: the primary key is the claim, so of several instances one
    -- creates the day's row and only a conditional update of it may send
    digest_date     DATE         NOT NULL PRIMARY KEY,
    -- PENDING (waiting for its next attempt), SENDING (claimed), SENT, NOTHING_OVERDUE (no mail
    -- needed), UNKNOWN (the sender stopped while sending: never sent again), GAVE_UP (the day ended)
    status          VARCHAR(20)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- until when the instance that claimed it may be sending it
    claimed_until   TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    overdue_count   INTEGER,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);

-- when the applicant last asked for a new status link (the old one stopped working then): at
-- most one new link per application per membership.onboarding.status-link.min-interval
ALTER TABLE membership_application ADD COLUMN status_link_renewed_at TIMESTAMP WITH TIME ZONE;
