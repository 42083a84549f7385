package homework.arch.orders.application;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.orders.client.BillingGateway;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.failure.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Withdraws a pending order's stored price and settles the order by billing's answer. Without an
 * answer (timeout, billing down, open breaker, a 5xx) or with a refusal this service does not know,
 * the order stays {@code PENDING} for the settler. Not transactional: the remote call must never
 * hold a database transaction open.
 */
@ApplicationScoped
public class Charging {

    private static final Logger LOG = System.getLogger(Charging.class.getName());

    private final BillingGateway billing;
    private final OrderSettlement settlement;

    @Inject
    public Charging(BillingGateway billing, OrderSettlement settlement) {
        this.billing = billing;
        this.settlement = settlement;
    }

    /** The order after the attempt: settled, or still pending. */
    public Order charge(Order order) {
        OrderStatus outcome;
        try {
            outcome = switch (billing.withdraw(order.userId(), order.id(), order.price())) {
                case WITHDRAWN -> OrderStatus.PAID;
                case INSUFFICIENT_FUNDS -> OrderStatus.CANCELLED;
                case NO_ACCOUNT -> {
                    LOG.log(Level.WARNING, "Billing has no account for user {0}; cancelling order {1}",
                            order.userId(), order.id());
                    yield OrderStatus.CANCELLED;
                }
            };
        } catch (UnavailableException | RemoteProblemException e) {
            LOG.log(Level.INFO, "No answer from billing for order {0}, it stays PENDING: {1}", order.id(),
                    e.toString());
            return order;
        }
        return settlement.settle(order, outcome);
    }
}
