/**
 * The use cases of notifications: writing the letter for an order event with its event id in one
 * transaction (the idempotent consumer), sending a message to a user, and listing a user's letters.
 * Parking and re-driving records are platform's (its messaging package).
 */
package homework.arch.notifications.application;
