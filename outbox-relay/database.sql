-- What the relay needs in orders' database, made with the database and before any of orders'
-- migrations, by a superuser connected to it. The replication slot exists from then on, so every
-- outbox row orders will ever commit stays in the slot until the relay reads it, whenever the relay
-- first starts. The publication must be older than the slot (pgoutput looks it up at each change's
-- position in the WAL), so it is made here empty and owned by orders, whose first migration adds
-- the outbox table to it. It carries inserts only: an outbox row is an event when it is inserted.
-- Safe to run again. Names: debezium.source.publication.name and
-- debezium.source.slot.name in application.properties.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'dbz_outbox') THEN
        CREATE PUBLICATION dbz_outbox WITH (publish = 'insert');
        ALTER PUBLICATION dbz_outbox OWNER TO orders;
    END IF;
END
$$;

SELECT pg_create_logical_replication_slot('debezium_outbox', 'pgoutput')
WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'debezium_outbox');
