-- Registered users. The id is chosen by the client (or generated) and is the billing account's id too.
CREATE TABLE users (
    id         uuid         PRIMARY KEY,
    name       varchar(200) NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      varchar(320) NOT NULL,
    created_at timestamptz  NOT NULL
);
