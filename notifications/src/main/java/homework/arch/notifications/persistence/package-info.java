/**
 * The notifications database: letters, the ids of handled events, and parked records.
 */
package homework.arch.notifications.persistence;
