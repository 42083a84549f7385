package homework.arch.orders.application;

import java.time.Clock;
import java.util.Optional;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.orders.outbox.Outbox;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Records billing's answer in the styles with a broker: the order's final status and its outbox
 * event, in one statement ({@link Outbox#settle}). Of two concurrent settlements of one order, the
 * second waits for the first to commit, then writes nothing and answers the order as the first
 * settled it. Always settles: the event is published later, by the relay.
 */
@ApplicationScoped
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class OrderSettlement implements Settlement {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public OrderSettlement(OrderRepository orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Stored<Order>> settle(Order order, OrderStatus outcome) {
        Order settled = order.settled(outcome, clock.instant());
        if (!outbox.settle(settled)) {
            return Optional.of(Stored.found(orders.find(order.id()).orElseThrow(() -> new OrderNotFoundException(order.id()))));
        }
        return Optional.of(Stored.created(settled));
    }
}
