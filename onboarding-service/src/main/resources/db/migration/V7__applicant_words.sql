-- The applicant's own words (issue 15): what the organisation aims for as a member, and the
-- contact's statement about joining, quoted in the welcome announcement. Both optional: the
-- applications submitted before them have neither.
ALTER TABLE membership_application ADD COLUMN org_aims VARCHAR(300);
ALTER TABLE membership_application ADD COLUMN statement_text VARCHAR(1000);
