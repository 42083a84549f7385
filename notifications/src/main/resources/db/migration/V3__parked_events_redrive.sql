-- Re-driving parked records (POST /internal/notifications/parked-events/redrive): an operator sends
-- them through the consumer again once their cause is fixed.
--   event_type:       the kind of event the record's eventType header names, to select by; derived
--                     from headers (as RecordProcessor renders them: key=value, ...), so rows parked
--                     before this migration have it too. Null when the header is missing.
--   redrive_attempts: how often a re-drive tried the record.
--   redriven_at:      when a re-drive handled it (its letter written, or its event found handled
--                     before); such a record is never sent again. Null while it is still parked.
ALTER TABLE parked_events
    ADD COLUMN event_type text GENERATED ALWAYS AS (substring(headers FROM '(?:^|, )eventType="?([^",]*)')) STORED,
    ADD COLUMN redrive_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN redriven_at timestamptz;
