-- Announcements become drafts first (issue 15): written on MemberApproved, edited by staff,
-- published by staff or on the effective date. Rows from before are published ones.
-- Portable SQL: the same statements run on H2 and PostgreSQL.
ALTER TABLE announcement ADD COLUMN status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL;
-- null while a draft: set once, when it is published
ALTER TABLE announcement ALTER COLUMN published_at DROP NOT NULL;
-- the quotes as a JSON array of {text, by, role}
ALTER TABLE announcement ADD COLUMN quotes VARCHAR(20000) DEFAULT '[]' NOT NULL;
-- the association's closing paragraph, from its template (after the quotes)
ALTER TABLE announcement ADD COLUMN boilerplate VARCHAR(4000) DEFAULT '' NOT NULL;
-- for the staff's list and the welcome mail
ALTER TABLE announcement ADD COLUMN organisation_name VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE announcement ADD COLUMN tier VARCHAR(64) DEFAULT '' NOT NULL;
-- the date of the "will join ... as of" text and of the automatic publication
ALTER TABLE announcement ADD COLUMN effective_from DATE;
-- grows with every change of the row: the ETag of a draft, the check of a concurrent edit
ALTER TABLE announcement ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
-- whether the contact's statement is among the quotes (it may arrive after the draft)
ALTER TABLE announcement ADD COLUMN statement_quoted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE announcement ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE announcement ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE announcement ADD COLUMN updated_by VARCHAR(200);
ALTER TABLE announcement ADD COLUMN published_by VARCHAR(200);

CREATE INDEX announcement_by_status ON announcement (status, created_at);

-- What the contact said in the application (ApplicationReceived), quoted in the draft:
-- the contact's own words, name and role. Once per application. Writing a draft inserts the
-- row too (received = FALSE until ApplicationReceived fills it), so that a draft and a
-- statement written at the same moment meet on its primary key: one of them waits for the
-- other, fails on the key and is retried, and then sees the other.
CREATE TABLE announcement_statement (
    application_id    UUID          NOT NULL PRIMARY KEY,
    received          BOOLEAN       NOT NULL,
    contact_name      VARCHAR(500)  NOT NULL,
    contact_role      VARCHAR(500),
    organisation_name VARCHAR(500)  NOT NULL,
    statement         VARCHAR(4000)
);
