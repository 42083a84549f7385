package homework.arch.billing.application;

import java.util.UUID;

/** A {@code UserRegistered} event as billing reads it: its id and type, and whose account to open. */
public record Registration(UUID eventId, String eventType, UUID userId) {
}
