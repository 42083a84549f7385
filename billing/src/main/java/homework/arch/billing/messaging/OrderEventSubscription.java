package homework.arch.billing.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.application.NewOrder;
import homework.arch.billing.application.OrderPayments;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.EventSubscription;
import homework.arch.platform.messaging.PoisonRecordException;
import homework.arch.platform.money.Amount;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event collaboration: {@code OrderCreated} on {@code order.events} withdraws the order's price, at
 * most once per order, and publishes the outcome ({@link OrderPayments}). The final order events on
 * the topic (notifications') are skipped.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class OrderEventSubscription implements EventSubscription<NewOrder> {

    static final String ORDER_CREATED = "OrderCreated";

    /** The payload of {@code OrderCreated} (openapi/styles/event-collaboration.asyncapi.yaml). */
    record Payload(UUID orderId, UUID userId, BigDecimal price) {
    }

    private final OrderPayments payments;
    private final String topic;

    @Inject
    public OrderEventSubscription(OrderPayments payments, @ConfigProperty(name = "order.events.topic") String topic) {
        this.payments = payments;
        this.topic = topic;
    }

    @Override
    public String name() {
        return "order-events";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String metricPrefix() {
        return "billing.orders";
    }

    /** A price that is no amount of money (zero, negative, fractions of a cent) can never be charged: poison. */
    @Override
    public Optional<NewOrder> read(EventRecord record) throws PoisonRecordException {
        if (!ORDER_CREATED.equals(record.eventType())) {
            return Optional.empty();
        }
        Payload payload = record.payload(Payload.class, "an OrderCreated event");
        if (payload.orderId() == null || payload.userId() == null || payload.price() == null) {
            throw new PoisonRecordException("OrderCreated without orderId, userId or price");
        }
        return Optional.of(new NewOrder(record.eventId(), record.eventType(), payload.orderId(), payload.userId(),
                new Amount(payload.price())));
    }

    @Override
    public List<Boolean> handleAll(List<NewOrder> events) {
        return payments.payAll(events);
    }

    @Override
    public boolean handle(NewOrder event) {
        return payments.pay(event);
    }
}
