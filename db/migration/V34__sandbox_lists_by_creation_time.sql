-- The sandbox lists objects newest first by creation time, as Stripe does. Since the sandbox clock can be reset
-- to now, insertion order no longer follows creation time: objects made while the clock was ahead keep their dates.
CREATE INDEX ix_sandbox_object_type_created ON sandbox_object (object_type, created, seq);
