package homework.arch.notifications.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import homework.arch.notifications.application.ReceivedOrderEvent;
import homework.arch.notifications.domain.SettledOrder;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.PoisonRecordException;

/**
 * Reads an order event from a record's envelope (platform's {@link EventRecord}): the payload as
 * orders writes it, strict about types, tolerant of payload fields it does not know (orders may add
 * some). {@value #ORDER_CREATED}, which orders publishes in the event-collaboration style for
 * billing, tells of no settled order: skipped. Any other type this service does not know is poison.
 */
final class OrderEventParser {

    /** The event of a new order (openapi/styles/event-collaboration.asyncapi.yaml): billing's, not ours. */
    static final String ORDER_CREATED = "OrderCreated";

    /** The payload as orders writes it (schema {@code OrderEvent} of {@code openapi/asyncapi.yaml}). */
    record Payload(UUID orderId, UUID userId, String email, BigDecimal price, String status, Instant occurredAt) {
    }

    private OrderEventParser() {
    }

    static Optional<ReceivedOrderEvent> parse(EventRecord record) throws PoisonRecordException {
        String eventType = record.eventType();
        if (ORDER_CREATED.equals(eventType)) {
            return Optional.empty();
        }
        Payload payload = record.payload(Payload.class, "an order event");
        SettledOrder.Outcome outcome = SettledOrder.Outcome.ofEventType(eventType)
                .orElseThrow(() -> new PoisonRecordException("unknown event type " + eventType));
        if (!outcome.name().equals(payload.status())) {
            throw new PoisonRecordException(eventType + " with status " + payload.status());
        }
        try {
            SettledOrder order = new SettledOrder(payload.orderId(), payload.userId(), payload.email(),
                    payload.price(), outcome, payload.occurredAt());
            return Optional.of(new ReceivedOrderEvent(record.eventId(), eventType, record.traceparent(), order));
        } catch (RuntimeException e) {
            throw new PoisonRecordException("invalid order event: " + e.getMessage(), e);
        }
    }
}
