package homework.arch.orders.application;

import java.util.UUID;

import homework.arch.orders.domain.OrderStatus;

/** CDI event: an order reached its final status (observed after the commit, for metrics). */
public record OrderSettled(UUID orderId, OrderStatus status) {
}
