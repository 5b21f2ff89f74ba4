-- the trace context of the event a mail answers: the sender sends it in that trace, so the
-- mail's log lines carry the application's trace id (W3C traceparent, 55 characters)
ALTER TABLE notification ADD COLUMN traceparent VARCHAR(55);
