-- One account per user. The database itself refuses a negative balance; numeric(14,2) keeps money exact.
CREATE TABLE accounts (
    user_id    uuid          PRIMARY KEY,
    balance    numeric(14,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    created_at timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL
);

-- Every movement of money, written in the same transaction as the balance change.
CREATE TABLE ledger_entries (
    seq           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid          NOT NULL UNIQUE,
    user_id       uuid          NOT NULL REFERENCES accounts (user_id),
    type          varchar(16)   NOT NULL CHECK (type IN ('DEPOSIT', 'WITHDRAWAL')),
    amount        numeric(14,2) NOT NULL CHECK (amount > 0),
    balance_after numeric(14,2) NOT NULL CHECK (balance_after >= 0),
    order_id      uuid,
    created_at    timestamptz   NOT NULL
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (user_id, seq DESC);

-- The first outcome of each Idempotency-Key, replayed to later requests with the same key.
-- The row is inserted before the money moves, in the same transaction, so a concurrent request
-- with the same key waits on the primary key and then reads the stored outcome.
CREATE TABLE idempotency_keys (
    user_id         uuid         NOT NULL REFERENCES accounts (user_id),
    idempotency_key varchar(100) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response_status integer,
    response_type   varchar(100),
    response_body   text,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
