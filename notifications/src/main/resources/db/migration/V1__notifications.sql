-- The letters, and the two tables of the idempotent order-events consumer.

CREATE TABLE notifications (
    id         uuid          PRIMARY KEY,
    user_id    uuid          NOT NULL,
    email      varchar(320)  NOT NULL,
    order_id   uuid,
    type       varchar(16)   NOT NULL CHECK (type IN ('ORDER_PAID', 'ORDER_CANCELLED', 'MESSAGE')),
    subject    varchar(200)  NOT NULL,
    body       text          NOT NULL,
    created_at timestamptz   NOT NULL
);

CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC);
-- At most one letter of each kind per order, whatever the broker delivers.
CREATE UNIQUE INDEX notifications_one_per_order ON notifications (order_id, type) WHERE order_id IS NOT NULL;

-- Event ids already handled, written in the same transaction as the letter: a redelivered event
-- finds its id here and changes nothing.
CREATE TABLE processed_events (
    event_id     uuid         PRIMARY KEY,
    event_type   varchar(64)  NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- Records that could not be handled (unparsable, invalid, or failing while the database answered),
-- kept as received for an operator; the consumer moves on past them.
CREATE TABLE parked_events (
    id           bigserial    PRIMARY KEY,
    topic        varchar(255) NOT NULL,
    partition_no integer      NOT NULL,
    record_offset bigint      NOT NULL,
    record_key   text,
    record_value text,
    headers      text         NOT NULL,
    reason       text         NOT NULL,
    parked_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (topic, partition_no, record_offset)
);
