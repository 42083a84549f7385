/**
 * The use cases of notifications, each one transaction: writing the letter for an order event with
 * its event id (the idempotent consumer), parking a record that cannot be handled, sending a
 * message to a user, and listing a user's letters.
 */
package homework.arch.notifications.application;
