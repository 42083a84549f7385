/**
 * The HTTP API of notifications: listing a user's letters and sending a message; for operators,
 * under {@code /internal}, re-driving parked records.
 */
package homework.arch.notifications.api;
