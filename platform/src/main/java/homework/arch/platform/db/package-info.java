/**
 * The database side every service shares: its one connection pool, enlisted in JTA transactions
 * and handed to JPA; Flyway migrations that run before JPA starts; a readiness check that is up only
 * while the database answers; and which database failures are worth a retry.
 */
package homework.arch.platform.db;
