-- The template variables of a notification, so that a mail waiting for its contact is
-- written again (with the contact's name) once the contact is known.
ALTER TABLE notification ADD COLUMN model VARCHAR(20000);
