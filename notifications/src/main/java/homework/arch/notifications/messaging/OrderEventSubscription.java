package homework.arch.notifications.messaging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import homework.arch.notifications.application.OrderEvents;
import homework.arch.notifications.application.ReceivedOrderEvent;
import homework.arch.notifications.domain.NotificationType;
import homework.arch.notifications.domain.SettledOrder;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.EventSubscription;
import homework.arch.platform.messaging.PoisonRecordException;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order events, read by platform's consumer in the styles with a broker (style 1 stores each
 * letter through {@code OrderLetters} instead): one letter per settled order ({@link OrderEvents}),
 * counted and logged after its commit.
 */
@ApplicationScoped
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class OrderEventSubscription implements EventSubscription<ReceivedOrderEvent> {

    private static final Logger LOG = System.getLogger(OrderEventSubscription.class.getName());

    private final OrderEvents handler;
    private final NotificationMetrics metrics;
    private final String topic;

    @Inject
    public OrderEventSubscription(OrderEvents handler, NotificationMetrics metrics,
                                  @ConfigProperty(name = "order.events.topic") String topic) {
        this.handler = handler;
        this.metrics = metrics;
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
        return "notifications";
    }

    @Override
    public Optional<ReceivedOrderEvent> read(EventRecord record) throws PoisonRecordException {
        return OrderEventParser.parse(record);
    }

    @Override
    public List<Boolean> handleAll(List<ReceivedOrderEvent> events) {
        return handler.handleAll(events);
    }

    @Override
    public boolean handle(ReceivedOrderEvent event) {
        return handler.handle(event);
    }

    /**
     * The letter's count and the settlement-to-letter lag, from the order's settlement (the event's
     * {@code occurredAt}, just before orders committed it) to now.
     */
    @Override
    public void handled(ReceivedOrderEvent event, EventRecord record) {
        SettledOrder order = event.order();
        NotificationType type = order.outcome().letterType();
        metrics.letterWritten(type, Duration.between(order.occurredAt(), Instant.now()));
        LOG.log(Level.INFO, () -> type + " letter about order " + order.orderId() + " stored for user "
                + order.userId() + " (event " + event.eventId() + " at " + record.position() + ")");
    }
}
