-- An application can be withdrawn before it takes effect (status WITHDRAWN), by the applicant
-- from the status link or by staff with a reason. A date change needs no column: it moves
-- effective_from and leaves its trace in the history.
ALTER TABLE membership_application ADD COLUMN withdrawn_as VARCHAR(20);
ALTER TABLE membership_application ADD COLUMN withdrawn_by VARCHAR(100);
ALTER TABLE membership_application ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE membership_application ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
