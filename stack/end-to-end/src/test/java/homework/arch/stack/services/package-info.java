/**
 * The services against each other without the launcher, each from its built jar on a free port:
 * users against billing, orders against users and billing, and the event path from orders' outbox
 * through Debezium Server and Kafka to notifications' letters.
 */
package homework.arch.stack.services;
