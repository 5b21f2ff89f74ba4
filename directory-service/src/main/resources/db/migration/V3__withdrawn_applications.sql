-- A withdrawn application (ApplicationWithdrawn) keeps its member row, with status WITHDRAWN
-- and no organisation: the withdrawal carries none, and it may arrive before the approval.
-- The row is what makes an older event arriving later (MemberApproved, EffectiveDateChanged,
-- MembershipEffective) stale, and its primary key serialises a withdrawal with those events
-- as it does any two events of one application. The snapshot columns become optional for it;
-- JOINING and MEMBER rows still always have them (the projection validates every snapshot).
-- One statement per column: H2 and PostgreSQL both accept this form.
alter table member alter column name drop not null;
alter table member alter column name_key drop not null;
alter table member alter column search_text drop not null;
alter table member alter column country drop not null;
alter table member alter column city drop not null;
alter table member alter column organisation_type drop not null;
alter table member alter column tier drop not null;
alter table member alter column effective_from drop not null;
