/**
 * The HTTP API of notifications: listing a user's letters and sending a message.
 */
package homework.arch.notifications.api;
