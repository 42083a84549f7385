/**
 * The use cases of billing, each one transaction: opening an account, reading it and its ledger,
 * and moving money with the replay of {@code Idempotency-Key} outcomes.
 */
package homework.arch.billing.application;
