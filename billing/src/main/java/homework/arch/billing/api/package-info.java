/**
 * The HTTP surface of billing: the public account, deposit, withdrawal and ledger endpoints, the
 * internal account-opening endpoint for users, their request/response records, and the replay of
 * {@code Idempotency-Key} outcomes.
 */
package homework.arch.billing.api;
