-- The transactional outbox of users, for the event-collaboration style: each registration is a
-- UserRegistered row, inserted with the user in one transaction, that Debezium Server (a relay of
-- its own for this database) publishes to Kafka topic user.events. In the other styles the table
-- stays empty. Column names are the defaults of Debezium's outbox EventRouter, as in orders.
CREATE TABLE outbox (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    traceparent   varchar(55),
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX outbox_by_age ON outbox (created_at);

-- The relay reads the outbox table, and only it, inserts only, through the publication dbz_outbox
-- (pgoutput). Where a relay runs, the publication and the replication slot were made with the
-- database (outbox-relay/database.sql), so no outbox row can precede the slot; the outbox joins
-- that publication here. A database made without them (the services' own tests) gets the
-- publication alone.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'dbz_outbox') THEN
        ALTER PUBLICATION dbz_outbox ADD TABLE outbox;
    ELSE
        CREATE PUBLICATION dbz_outbox FOR TABLE outbox WITH (publish = 'insert');
    END IF;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relay') THEN
        GRANT SELECT ON outbox TO relay;
    END IF;
END
$$;
