/**
 * Storing and finding orders, including the settler's claim of due {@code PENDING} orders that is
 * safe with several instances. Methods join the caller's transaction.
 */
package homework.arch.orders.persistence;
