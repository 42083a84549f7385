package homework.arch.orders.application;

import homework.arch.orders.domain.Order;

/** The result of placing an order: the order, and whether this request created it or replayed it. */
public record Placement(Order order, boolean created) {
}
