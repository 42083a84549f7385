package homework.arch.orders.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.application.PaymentOutcome;
import homework.arch.orders.application.PaymentOutcomes;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.EventSubscription;
import homework.arch.platform.messaging.PoisonRecordException;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event collaboration: billing's {@code PaymentCompleted} settles the order {@code PAID},
 * {@code PaymentRejected} {@code CANCELLED} ({@link PaymentOutcomes}). Other event types on the
 * topic are skipped.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class PaymentEventSubscription implements EventSubscription<PaymentOutcome> {

    /** The event types of payment.events and the final status each gives the order. */
    static final Map<String, OrderStatus> OUTCOMES = Map.of(
            "PaymentCompleted", OrderStatus.PAID,
            "PaymentRejected", OrderStatus.CANCELLED);

    /** The part of the payload orders reads. */
    record Payload(UUID orderId) {
    }

    private final PaymentOutcomes outcomes;
    private final String topic;

    @Inject
    public PaymentEventSubscription(PaymentOutcomes outcomes,
                                    @ConfigProperty(name = "payment.events.topic") String topic) {
        this.outcomes = outcomes;
        this.topic = topic;
    }

    @Override
    public String name() {
        return "payment-events";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String metricPrefix() {
        return "orders.payments";
    }

    @Override
    public Optional<PaymentOutcome> read(EventRecord record) throws PoisonRecordException {
        OrderStatus outcome = OUTCOMES.get(record.eventType());
        if (outcome == null) {
            return Optional.empty();
        }
        Payload payload = record.payload(Payload.class, "a payment event");
        if (payload.orderId() == null) {
            throw new PoisonRecordException(record.eventType() + " without orderId");
        }
        return Optional.of(new PaymentOutcome(record.eventId(), record.eventType(), payload.orderId(), outcome));
    }

    @Override
    public List<Boolean> handleAll(List<PaymentOutcome> events) {
        return outcomes.settleAll(events);
    }

    @Override
    public boolean handle(PaymentOutcome event) {
        return outcomes.settle(event);
    }
}
