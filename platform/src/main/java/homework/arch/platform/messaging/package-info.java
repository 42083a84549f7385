/**
 * The one implementation of the services' event consumers and of their outbox: a plain Kafka
 * consumer thread per {@link homework.arch.platform.messaging.EventSubscription} that hands each
 * record to the service (its effect and its event id in one transaction), commits offsets only
 * after that transaction, batches, retries with backoff, parks records it cannot handle, reports
 * health and lag, and re-drives parked records; and the outbox rows the relay publishes.
 */
package homework.arch.platform.messaging;
