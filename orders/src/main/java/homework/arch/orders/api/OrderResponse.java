package homework.arch.orders.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as clients see it. */
@Schema(name = "Order")
public record OrderResponse(UUID id, UUID userId, @Schema(example = "49.90") BigDecimal price, OrderStatus status,
                            Instant createdAt, Instant updatedAt) {

    static OrderResponse from(Order order) {
        return new OrderResponse(order.id(), order.userId(), order.price(), order.status(), order.createdAt(),
                order.updatedAt());
    }
}
