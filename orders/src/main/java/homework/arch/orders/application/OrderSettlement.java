package homework.arch.orders.application;

import java.time.Clock;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.orders.outbox.Outbox;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.idempotency.Stored;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Clock clock;

    @Inject
    public OrderSettlement(OrderRepository orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Settles {@code order}, read while {@code PENDING}, by billing's {@code outcome}: created when
     * this call settled it, found when another attempt settled it first.
     */
    @Transactional
    public Stored<Order> settle(Order order, OrderStatus outcome) {
        Order settled = order.settled(outcome, clock.instant());
        if (!outbox.settle(settled)) {
            return Stored.found(orders.find(order.id()).orElseThrow(() -> new OrderNotFoundException(order.id())));
        }
        return Stored.created(settled);
    }
}
