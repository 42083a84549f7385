/**
 * The order-events consumer: a plain Kafka consumer on its own thread that reads each record as an
 * order event, hands it to the application's handler (one letter per event, idempotently), commits
 * offsets only after that transaction, retries with backoff, and parks records it cannot handle.
 */
package homework.arch.notifications.messaging;
