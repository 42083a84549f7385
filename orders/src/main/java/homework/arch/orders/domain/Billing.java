package homework.arch.orders.domain;

import java.util.Optional;

/**
 * Charges an order's price to its user's billing account, at most once per order however often it
 * is asked (the order id is the idempotency key), and says how billing's answer settles the order:
 * {@code PAID} or {@code CANCELLED}; empty when billing gave no answer, and the order stays
 * {@code PENDING}.
 */
public interface Billing {

    Optional<OrderStatus> charge(Order order);
}
