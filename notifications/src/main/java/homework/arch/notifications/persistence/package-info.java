/**
 * The notifications database: letters, the ids of handled events, and parked records (with the
 * gauge of those still parked).
 */
package homework.arch.notifications.persistence;
