-- What orders needs in the event-collaboration style (the tables exist in every style; only that
-- style's beans use them): the users it has seen registered (from UserRegistered on user.events),
-- whose e-mail its final events carry to notifications, and the two tables of its idempotent
-- consumers of user.events and payment.events. Its OrderCreated events use the outbox of V1.

-- A registered user never changes (users has neither an update nor a delete): the first event wins.
CREATE TABLE known_users (
    user_id       uuid         PRIMARY KEY,
    email         varchar(320) NOT NULL,
    registered_at timestamptz  NOT NULL
);

-- Event ids already handled, written in the same transaction as the event's effect (a user kept,
-- an order settled with its outbox row): a redelivered event finds its id and changes nothing.
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
