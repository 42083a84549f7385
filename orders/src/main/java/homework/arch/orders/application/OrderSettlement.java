package homework.arch.orders.application;

import java.time.Instant;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.orders.outbox.Outbox;
import homework.arch.orders.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records billing's answer: the order's final status and its outbox event, in one statement
 * ({@link Outbox#settle}). Of two concurrent settlements of one order, the second waits for the
 * first to commit, then writes nothing and answers the order as the first settled it.
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

    /**
     * Settles {@code order}, read while {@code PENDING}, by billing's {@code outcome}; returns it as
     * this call settled it, or as another attempt settled it first.
     */
    @Transactional
    public Order settle(Order order, OrderStatus outcome) {
        Order settledOrder = order.settled(outcome, Instant.now());
        if (!outbox.settle(settledOrder)) {
            return orders.find(order.id()).orElseThrow(() -> new OrderNotFoundException(order.id()));
        }
        settled.fire(new OrderSettled(settledOrder.id(), settledOrder.status()));
        return settledOrder;
    }
}
