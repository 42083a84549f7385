package homework.arch.orders.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import homework.arch.orders.domain.Order;

/**
 * The payload of {@code OrderCreated} (openapi/styles/event-collaboration.asyncapi.yaml): what billing
 * needs to charge the order, in event collaboration.
 */
public record OrderCreated(UUID orderId, UUID userId, BigDecimal price, Instant occurredAt) {

    /** The outbox row's {@code type}: the {@code eventType} header. */
    public static final String TYPE = "OrderCreated";

    static OrderCreated of(Order order) {
        return new OrderCreated(order.id(), order.userId(), order.price(), order.createdAt());
    }
}
