-- The relay turns inserted outbox rows into events and nothing else, so the publication carries
-- inserts only: the purge's deletes, and those of a re-publication after a lost replication slot
-- (outbox-relay/README.md), are neither decoded nor sent.
ALTER PUBLICATION dbz_outbox SET (publish = 'insert');
