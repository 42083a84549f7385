/**
 * The use cases of notifications: writing the letter for an order event with its event id in one
 * transaction (the idempotent consumer), parking a record that cannot be handled, re-driving parked
 * records through the consumer's handling, sending a message to a user, and listing a user's letters.
 */
package homework.arch.notifications.application;
