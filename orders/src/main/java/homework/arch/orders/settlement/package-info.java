/**
 * How an order gets charged and settled: placing it (check the user, store it {@code PENDING},
 * withdraw its price through billing), settling it with its outbox event in one transaction, and
 * the background settler that retries the same withdrawal for orders billing did not answer about.
 */
package homework.arch.orders.settlement;
