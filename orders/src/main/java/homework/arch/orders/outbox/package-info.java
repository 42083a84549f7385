/**
 * The transactional outbox: an event row written in the same transaction as the order's final
 * status, shaped for Debezium's outbox EventRouter, its event types (the order-events contract), and
 * the scheduled purge of old rows.
 */
package homework.arch.orders.outbox;
