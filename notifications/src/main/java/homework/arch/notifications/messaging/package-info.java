/**
 * The order-events consumer: a plain Kafka consumer on its own thread that writes one letter per
 * event, idempotently (event ids in {@code processed_events}, in the letter's transaction), commits
 * offsets only after that transaction, retries with backoff, and parks records it cannot handle.
 */
package homework.arch.notifications.messaging;
