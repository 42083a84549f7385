-- Recovery of a lost replication slot: run with the relay stopped, as a superuser connected to
-- orders' database, after orders' metric outbox_relay_slot_wal_status{status="lost"} turned 1 (the
-- slot held back more WAL than max_slot_wal_keep_size allows, and PostgreSQL removed it):
--
--   psql -v since='2026-12-06 10:00+00' -d orders -f outbox-relay/recover-slot.sql
--
-- `since` is a time before the relay stopped delivering (the last letter that arrived, minus a
-- margin; when in doubt, earlier). The WAL the slot lost held outbox rows the relay never read;
-- the rows themselves are still in the outbox (kept for outbox.retention). So:
-- 1. the lost slot is dropped and made again, at the current end of the WAL;
-- 2. every outbox row created since `since` is inserted again, with its own id, in one statement,
--    after the new slot: the relay reads each as a new insert. Rows it had already delivered arrive
--    a second time with the same event id, and the consumer drops them (processed_events): no
--    letter is lost, none is doubled. The publication carries inserts only, so the delete half of
--    the statement is not relayed.
-- Then delete the relay's stored position ($DEBEZIUM_DATA_DIR/offsets.dat: it points into the WAL
-- the old slot lost, and Debezium refuses to start from there) and start the relay: it reads from
-- the new slot's position.

SELECT pg_drop_replication_slot(slot_name)
  FROM pg_replication_slots
 WHERE slot_name = 'debezium_outbox' AND wal_status = 'lost';

SELECT pg_create_logical_replication_slot('debezium_outbox', 'pgoutput')
 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'debezium_outbox');

WITH unread AS (DELETE FROM outbox WHERE created_at >= :'since' RETURNING *)
INSERT INTO outbox SELECT * FROM unread ORDER BY created_at;
