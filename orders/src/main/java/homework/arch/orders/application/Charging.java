package homework.arch.orders.application;

import java.util.Optional;

import homework.arch.orders.domain.Billing;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Charges a pending order's stored price and settles the order by billing's answer ({@link Settlement});
 * without one, or while it cannot be settled, the order stays {@code PENDING} for the settler. Not transactional: the remote call must never hold a
 * database transaction open. An order this call settled is counted once its transaction committed.
 */
@ApplicationScoped
public class Charging {

    private final Billing billing;
    private final Settlement settlement;
    private final OrderMetrics metrics;

    @Inject
    public Charging(Billing billing, Settlement settlement, OrderMetrics metrics) {
        this.billing = billing;
        this.settlement = settlement;
        this.metrics = metrics;
    }

    /** The order after the attempt: settled, or still pending. */
    public Order charge(Order order) {
        return billing.charge(order).flatMap(outcome -> settle(order, outcome)).orElse(order);
    }

    private Optional<Order> settle(Order order, OrderStatus outcome) {
        return settlement.settle(order, outcome).map(settled -> {
            if (settled.created()) {
                metrics.settled(settled.value().status());
            }
            return settled.value();
        });
    }
}
