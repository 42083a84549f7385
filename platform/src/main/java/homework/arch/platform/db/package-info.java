/**
 * The database side every service shares: Flyway migrations that run before JPA starts, and a
 * readiness check that is up only while the database answers.
 */
package homework.arch.platform.db;
