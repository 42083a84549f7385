/**
 * The use cases of billing: opening an account, reading it and its ledger, and moving money with
 * the replay of {@code Idempotency-Key} outcomes. {@code AccountService} holds no transaction and
 * counts the outcomes after they committed; each write is one transaction of {@code AccountStore}
 * or {@code IdempotentMovements}.
 */
package homework.arch.billing.application;
