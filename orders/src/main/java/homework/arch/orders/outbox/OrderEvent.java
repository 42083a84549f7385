package homework.arch.orders.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import homework.arch.orders.domain.Order;

/** The payload of an order event: what the letter about the order needs (docs/development.md). */
public record OrderEvent(UUID orderId, UUID userId, String email, BigDecimal price, String status,
                         Instant occurredAt) {

    static OrderEvent of(Order order) {
        return new OrderEvent(order.id(), order.userId(), order.email(), order.price(), order.status().name(),
                order.updatedAt());
    }
}
