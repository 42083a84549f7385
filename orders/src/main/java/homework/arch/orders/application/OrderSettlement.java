package homework.arch.orders.application;

import java.time.Instant;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.orders.outbox.OrderEventType;
import homework.arch.orders.outbox.Outbox;
import homework.arch.orders.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records billing's answer: the order's final status and its outbox event, in one transaction. Of
 * two concurrent settlements of one order, the second to write fails on the order's version and
 * rolls back, outbox row included.
 */
@ApplicationScoped
public class OrderSettlement {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Event<OrderSettled> settled;

    @Inject
    public OrderSettlement(OrderRepository orders, Outbox outbox, Event<OrderSettled> settled) {
        this.orders = orders;
        this.outbox = outbox;
        this.settled = settled;
    }

    /** Returns the order as this call settled it, or as it was already settled before. */
    @Transactional
    public Order settle(UUID orderId, OrderStatus outcome) {
        OrderEventType event = OrderEventType.of(outcome);
        Order order = orders.find(orderId).orElseThrow(() -> new IllegalStateException("No order " + orderId));
        if (order.status().isFinal()) {
            return order;
        }
        order.settle(outcome, Instant.now());
        outbox.orderSettled(order, event);
        settled.fire(new OrderSettled(order.id(), order.status()));
        return order;
    }
}
