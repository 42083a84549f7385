/**
 * Accounts and the ledger: the money rules (exact amounts, no negative balance, every movement
 * recorded) and the refusals they name.
 */
package homework.arch.billing.domain;
