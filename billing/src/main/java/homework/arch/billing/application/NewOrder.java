package homework.arch.billing.application;

import java.util.UUID;

import homework.arch.platform.money.Amount;

/** An {@code OrderCreated} event as billing reads it: its id and type, the order, who pays and how much. */
public record NewOrder(UUID eventId, String eventType, UUID orderId, UUID userId, Amount price) {
}
