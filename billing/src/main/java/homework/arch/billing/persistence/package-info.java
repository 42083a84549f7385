/**
 * SQL access to accounts, the ledger and stored idempotency outcomes. Balance changes are single
 * conditional updates so that concurrent requests can never overdraw an account.
 */
package homework.arch.billing.persistence;
