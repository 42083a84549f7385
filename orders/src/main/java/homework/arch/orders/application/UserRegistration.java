package homework.arch.orders.application;

import java.time.Instant;
import java.util.UUID;

/** A {@code UserRegistered} event as orders reads it: its id and type, and the user with its e-mail. */
public record UserRegistration(UUID eventId, String eventType, UUID userId, String email, Instant occurredAt) {
}
