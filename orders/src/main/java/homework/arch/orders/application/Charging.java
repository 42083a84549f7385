package homework.arch.orders.application;

import homework.arch.orders.client.BillingGateway;
import homework.arch.orders.domain.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Charges a pending order's stored price and settles the order by billing's answer; without one the
 * order stays {@code PENDING} for the settler. Not transactional: the remote call must never hold a
 * database transaction open.
 */
@ApplicationScoped
public class Charging {

    private final BillingGateway billing;
    private final OrderSettlement settlement;

    @Inject
    public Charging(BillingGateway billing, OrderSettlement settlement) {
        this.billing = billing;
        this.settlement = settlement;
    }

    /** The order after the attempt: settled, or still pending. */
    public Order charge(Order order) {
        return billing.charge(order).map(outcome -> settlement.settle(order, outcome)).orElse(order);
    }
}
