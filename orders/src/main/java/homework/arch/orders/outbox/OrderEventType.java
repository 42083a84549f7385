package homework.arch.orders.outbox;

import java.util.Arrays;

import homework.arch.orders.domain.OrderStatus;

/**
 * The events of the order-events contract ({@code openapi/asyncapi.yaml}), one per final status:
 * the outbox row's {@code type} column, which the relay sends as the {@code eventType} header. The
 * one place where orders maps an outcome to an event type.
 */
public enum OrderEventType {
    ORDER_PAID("OrderPaid", OrderStatus.PAID),
    ORDER_CANCELLED("OrderCancelled", OrderStatus.CANCELLED);

    private final String eventType;
    private final OrderStatus status;

    OrderEventType(String eventType, OrderStatus status) {
        this.eventType = eventType;
        this.status = status;
    }

    /** The name in the contract and in the {@code eventType} header. */
    public String eventType() {
        return eventType;
    }

    /** The order's final status that this event announces (the payload's {@code status}). */
    public OrderStatus status() {
        return status;
    }

    /** The event of a final status; a {@code PENDING} order has none. */
    public static OrderEventType of(OrderStatus status) {
        return Arrays.stream(values()).filter(type -> type.status == status).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Settling needs a final status, not " + status));
    }
}
