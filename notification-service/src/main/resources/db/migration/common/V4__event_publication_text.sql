-- The outbox's event column becomes TEXT on every database, as in onboarding-service: the
-- event is stored whole (AnnouncementMade carries the announcement's texts), and H2's
-- VARCHAR(4000) of V2 would fail the transaction of a long announcement. The H2 index on the
-- event column goes first (H2 cannot index a large text); PostgreSQL's column is TEXT already
-- and keeps its hash index. Portable SQL: the same statements run on H2 and PostgreSQL.
DROP INDEX IF EXISTS EVENT_PUBLICATION_BY_LISTENER_ID_AND_SERIALIZED_EVENT_IDX;
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE TEXT;
