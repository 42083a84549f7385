package homework.arch.notifications.messaging;

import java.util.UUID;

import homework.arch.notifications.domain.SettledOrder;

/** One order event as received: its id (header {@code id}), type (header {@code eventType}) and payload. */
record OrderEvent(UUID eventId, String eventType, SettledOrder order) {
}
