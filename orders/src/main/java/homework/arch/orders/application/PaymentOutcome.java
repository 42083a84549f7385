package homework.arch.orders.application;

import java.util.UUID;

import homework.arch.orders.domain.OrderStatus;

/**
 * A {@code PaymentCompleted} or {@code PaymentRejected} event as orders reads it: its id and type,
 * the order, and the final status it gives the order ({@code PAID} or {@code CANCELLED}).
 */
public record PaymentOutcome(UUID eventId, String eventType, UUID orderId, OrderStatus outcome) {
}
