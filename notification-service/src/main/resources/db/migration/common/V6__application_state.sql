-- Where each application stands, as far as the mails need it (docs/notification-service.md,
-- "Changes before a membership takes effect"). The topics are read independently, so a date
-- change or a withdrawal may arrive before the approval it follows: the newest effective date
-- with the applicationVersion that set it (an older approval mails the newer date, an older
-- date change mails nothing), and the version of the withdrawal (an older approval or date
-- change mails nothing once the application is withdrawn). The row is locked while an event
-- of the application is handled, so two listeners handle its events one after the other.
CREATE TABLE application_state (
    application_id         UUID   NOT NULL PRIMARY KEY,
    withdrawn_version      BIGINT,
    effective_from         DATE,
    effective_from_version BIGINT
);
