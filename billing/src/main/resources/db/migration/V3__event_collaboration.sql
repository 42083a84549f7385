-- What billing needs in the event-collaboration style (the tables exist in every style; only that
-- style's beans use them): its transactional outbox (PaymentCompleted / PaymentRejected rows,
-- inserted with the withdrawal in one transaction, that Debezium Server publishes to Kafka topic
-- payment.events), and the two tables of its idempotent consumers of user.events and order.events.

-- Column names are the defaults of Debezium's outbox EventRouter, as in orders.
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

-- Event ids already handled, written in the same transaction as the event's effect (an account
-- opened, a withdrawal and its payment event): a redelivered event finds its id and changes nothing.
CREATE TABLE processed_events (
    event_id     uuid         PRIMARY KEY,
    event_type   varchar(64)  NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- Records that could not be handled, kept as received for an operator (platform messaging), as in
-- notifications' V1 and V3.
CREATE TABLE parked_events (
    id               bigserial    PRIMARY KEY,
    topic            varchar(255) NOT NULL,
    partition_no     integer      NOT NULL,
    record_offset    bigint       NOT NULL,
    record_key       text,
    record_value     text,
    headers          text         NOT NULL,
    reason           text         NOT NULL,
    parked_at        timestamptz  NOT NULL DEFAULT now(),
    event_type       text GENERATED ALWAYS AS (substring(headers FROM '(?:^|, )eventType="?([^",]*)')) STORED,
    redrive_attempts integer      NOT NULL DEFAULT 0,
    redriven_at      timestamptz,
    UNIQUE (topic, partition_no, record_offset)
);
