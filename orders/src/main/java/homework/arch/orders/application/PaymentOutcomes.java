package homework.arch.orders.application;

import java.util.ArrayList;
import java.util.List;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.messaging.ProcessedEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: settles each order by billing's payment event, {@code PAID} or
 * {@code CANCELLED}, with its {@code OrderPaid}/{@code OrderCancelled} outbox row in one statement
 * ({@link OrderSettlement}, as in the other styles) and the event's id in the same transaction. An
 * order already settled (a payment event published again) stays as it is. A payment for an order
 * orders does not have fails, and is parked after the consumer's attempts.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class PaymentOutcomes {

    private final ProcessedEvents processed;
    private final OrderRepository orders;
    private final OrderSettlement settlement;

    @Inject
    public PaymentOutcomes(ProcessedEvents processed, OrderRepository orders, OrderSettlement settlement) {
        this.processed = processed;
        this.orders = orders;
        this.settlement = settlement;
    }

    /** In one transaction: every order settled, or none. */
    @Transactional
    public List<Boolean> settleAll(List<PaymentOutcome> payments) {
        List<Boolean> settled = new ArrayList<>(payments.size());
        for (PaymentOutcome payment : payments) {
            settled.add(settle(payment));
        }
        return settled;
    }

    /** False, with nothing changed, for an event handled before. */
    @Transactional
    public boolean settle(PaymentOutcome payment) {
        if (!processed.first(payment.eventId(), payment.eventType())) {
            return false;
        }
        Order order = orders.find(payment.orderId()).orElseThrow(() -> new OrderNotFoundException(payment.orderId()));
        if (!order.status().isFinal()) {
            settlement.settle(order, payment.outcome());
        }
        return true;
    }
}
