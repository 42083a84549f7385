/**
 * Calls to other services: users, for the registered email of a message's recipient.
 */
package homework.arch.notifications.client;
