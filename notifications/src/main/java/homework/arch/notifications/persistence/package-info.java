/**
 * The notifications database: letters and the ids of handled events (written in one statement);
 * parked records are platform's messaging package's.
 */
package homework.arch.notifications.persistence;
