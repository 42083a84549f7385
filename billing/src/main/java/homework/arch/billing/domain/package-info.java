/**
 * Accounts and the ledger: the money rules (exact amounts, no negative balance, every movement
 * recorded) and the transactional service that applies them.
 */
package homework.arch.billing.domain;
