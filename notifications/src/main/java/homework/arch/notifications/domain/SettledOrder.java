package homework.arch.notifications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What an order event tells notifications: an order reached its final status. */
public record SettledOrder(UUID orderId, UUID userId, String email, BigDecimal price, Outcome outcome,
                           Instant occurredAt) {

    /** The final status of an order. */
    public enum Outcome {
        PAID, CANCELLED
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
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
    }
}
