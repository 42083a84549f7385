-- The W3C traceparent of the request that placed an order, and of the span that published its
-- event: the relay puts the outbox column into a Kafka header, so one order can be followed from
-- POST /orders through billing to its letter. Null for rows written before tracing existed.
ALTER TABLE orders ADD COLUMN traceparent varchar(55);
ALTER TABLE outbox ADD COLUMN traceparent varchar(55);
