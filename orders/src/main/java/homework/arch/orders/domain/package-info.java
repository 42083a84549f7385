/**
 * The order aggregate and its rules: an order is born {@code PENDING} and settles exactly once, to
 * {@code PAID} or {@code CANCELLED}; anything else is refused with a named exception.
 */
package homework.arch.orders.domain;
