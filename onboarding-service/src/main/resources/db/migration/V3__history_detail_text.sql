-- A history entry's detail is the decision's own text (a note or reason of up to 2,000
-- characters) behind a prefix such as "tier FULL, effective from 2023-01-01: ", so it
-- outgrew VARCHAR(2000): a long note answered 500. TEXT on both H2 and PostgreSQL.
ALTER TABLE application_history ALTER COLUMN detail SET DATA TYPE TEXT;
