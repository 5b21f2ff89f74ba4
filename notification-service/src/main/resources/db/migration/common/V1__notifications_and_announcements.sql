-- One row per mail to send. The unique key makes a redelivered event a no-op: the row is
-- written (insert-if-absent) before the Kafka offset is committed, and the scheduled sender
-- only ever sends rows it has claimed.
CREATE TABLE notification (
    id              UUID          NOT NULL PRIMARY KEY,
    event_id        UUID          NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    -- '' while the contact of the application is not known yet (see docs/notification-service.md)
    recipient       VARCHAR(320)  NOT NULL,
    application_id  UUID          NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    text_body       VARCHAR(60000) NOT NULL,
    html_body       VARCHAR(60000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (event_id, kind, recipient)
);

CREATE INDEX notification_due ON notification (status, next_attempt_at);
CREATE INDEX notification_by_application ON notification (application_id);

-- The contact person of each application, learned from ApplicationReceived: the later events
-- do not carry it.
CREATE TABLE contact (
    application_id UUID         NOT NULL PRIMARY KEY,
    name           VARCHAR(500) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    organisation_name VARCHAR(500) NOT NULL
);

-- One welcome announcement per membership, whatever Kafka redelivers.
CREATE TABLE announcement (
    id                UUID           NOT NULL PRIMARY KEY,
    application_id    UUID           NOT NULL,
    event_id          UUID           NOT NULL,
    application_version BIGINT       NOT NULL,
    correlation_id    VARCHAR(200)   NOT NULL,
    headline          VARCHAR(1000)  NOT NULL,
    -- the summary points, one per line (a point never contains a line break)
    summary           VARCHAR(4000)  NOT NULL,
    body              VARCHAR(60000) NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT announcement_once_per_application UNIQUE (application_id)
);

CREATE INDEX announcement_newest_first ON announcement (published_at);
