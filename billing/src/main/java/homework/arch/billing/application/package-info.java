/**
 * The use cases of billing: opening an account, reading it and its ledger, and moving money with
 * the replay of {@code Idempotency-Key} outcomes. {@code AccountService} holds no transaction and
 * counts the outcomes after they committed; each write is one transaction of {@code AccountStore}
 * or {@code IdempotentMovements}. In event collaboration, {@code AccountOpenings} and
 * {@code OrderPayments} do the same for the events billing consumes, each with the event's id.
 */
package homework.arch.billing.application;
