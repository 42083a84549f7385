/**
 * The use cases of orders: placing an order (check the user, store it {@code PENDING}, withdraw its
 * price through billing), settling it with its outbox event in one transaction, the background
 * settler that retries the same withdrawal for orders billing did not answer about, and reading
 * orders back.
 */
package homework.arch.orders.application;
