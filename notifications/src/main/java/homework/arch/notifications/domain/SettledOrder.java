package homework.arch.notifications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.money.Amount;

/** What an order event tells notifications: an order reached its final status. */
public record SettledOrder(UUID orderId, UUID userId, String email, BigDecimal price, Outcome outcome,
                           Instant occurredAt) {

    /**
     * The final status of an order, the event type that announces it ({@code openapi/asyncapi.yaml})
     * and the letter it gets: the one place where notifications maps one to the other.
     */
    public enum Outcome {
        PAID, CANCELLED;

        /** The {@code eventType} header of the event that tells of it. */
        public String eventType() {
            return switch (this) {
                case PAID -> "OrderPaid";
                case CANCELLED -> "OrderCancelled";
            };
        }

        /** The type of the letter about it. */
        public NotificationType letterType() {
            return switch (this) {
                case PAID -> NotificationType.ORDER_PAID;
                case CANCELLED -> NotificationType.ORDER_CANCELLED;
            };
        }

        /** The outcome an event type tells of; empty for a type this service does not know. */
        public static Optional<Outcome> ofEventType(String eventType) {
            return Arrays.stream(values()).filter(outcome -> outcome.eventType().equals(eventType)).findFirst();
        }
    }

    public SettledOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (email.isBlank() || email.length() > 320 || !email.contains("@")) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        price = new Amount(price).value();
    }
}
