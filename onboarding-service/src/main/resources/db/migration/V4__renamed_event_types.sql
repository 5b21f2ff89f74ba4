-- The in-process events were renamed apart from the contract's Avro records (which keep
-- their names). The outbox (Spring Modulith's event publication registry) finds an event's
-- class by the name in event_type, so publications written before the rename would no longer
-- load: they take the new names. serialized_event holds only field names, which did not
-- change, and listener_id names the Kafka externalizer, not the event.
UPDATE event_publication SET event_type = 'org.membership.onboarding.application.ApplicationSubmitted'
    WHERE event_type = 'org.membership.onboarding.application.ApplicationReceived';
UPDATE event_publication SET event_type = 'org.membership.onboarding.application.ApplicationApproved'
    WHERE event_type = 'org.membership.onboarding.application.MemberApproved';
UPDATE event_publication SET event_type = 'org.membership.onboarding.application.ApplicationDeclined'
    WHERE event_type = 'org.membership.onboarding.application.ApplicationRejected';
UPDATE event_publication SET event_type = 'org.membership.onboarding.application.MembershipTookEffect'
    WHERE event_type = 'org.membership.onboarding.application.MembershipEffective';
