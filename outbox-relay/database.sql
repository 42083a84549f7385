-- What the relay needs in a source database (orders'; in the event-collaboration style users' and
-- billing's too), made with the database and before any of the service's migrations, by a
-- superuser connected to it. The replication slot exists from then on, so every outbox row the
-- service will ever commit stays in the slot until the relay reads it, whenever the relay first
-- starts. The publication must be older than the slot (pgoutput looks it up at each change's
-- position in the WAL), so it is made here empty and owned by the service's role (named as its
-- database), whose migration adds the outbox table to it. It carries inserts only: an outbox row
-- is an event when it is inserted.
-- Safe to run again. Names: debezium.source.publication.name and debezium.source.slot.name in
-- application.properties. A publication belongs to its database, so each has its own dbz_outbox;
-- a slot belongs to the cluster, so each database has its own: debezium_outbox_<database>, except
-- orders', made when it was the only one, which keeps debezium_outbox (RELAY_SLOT_NAME's default).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'dbz_outbox') THEN
        CREATE PUBLICATION dbz_outbox WITH (publish = 'insert');
        EXECUTE format('ALTER PUBLICATION dbz_outbox OWNER TO %I', current_database());
    END IF;
END
$$;

SELECT pg_create_logical_replication_slot(slot, 'pgoutput')
  FROM (SELECT CASE current_database() WHEN 'orders' THEN 'debezium_outbox'
                                       ELSE 'debezium_outbox_' || current_database() END AS slot) AS this
 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = this.slot);
