-- Orders, and the transactional outbox that Debezium Server relays to Kafka.

CREATE TABLE orders (
    id              uuid           PRIMARY KEY,
    user_id         uuid           NOT NULL,
    email           varchar(320)   NOT NULL,
    price           numeric(12, 2) NOT NULL CHECK (price > 0),
    status          varchar(16)    NOT NULL CHECK (status IN ('PENDING', 'PAID', 'CANCELLED')),
    created_at      timestamptz    NOT NULL,
    updated_at      timestamptz    NOT NULL,
    version         bigint         NOT NULL,
    -- Settler bookkeeping: attempts so far and when the next one may start (also its lease).
    attempts        integer        NOT NULL DEFAULT 0,
    next_attempt_at timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX orders_by_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_pending ON orders (next_attempt_at) WHERE status = 'PENDING';

-- Column names are the defaults of Debezium's outbox EventRouter.
CREATE TABLE outbox (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(255) NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(255) NOT NULL,
    payload       jsonb        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX outbox_by_age ON outbox (created_at);

-- The relay reads the outbox table, and only it, through the publication dbz_outbox (pgoutput).
-- Where a relay runs, the publication and the replication slot were made with the database, before
-- this migration (outbox-relay/database.sql), so no outbox row can precede the slot; the outbox joins
-- that publication here. A database made without them (the services' own tests) gets the
-- publication alone.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'dbz_outbox') THEN
        ALTER PUBLICATION dbz_outbox ADD TABLE outbox;
    ELSE
        CREATE PUBLICATION dbz_outbox FOR TABLE outbox;
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
