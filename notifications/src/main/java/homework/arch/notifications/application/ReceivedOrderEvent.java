package homework.arch.notifications.application;

import java.util.UUID;

import homework.arch.notifications.domain.SettledOrder;

/**
 * One order event as received: its id (header {@code id}), type (header {@code eventType}), the
 * W3C {@code traceparent} of the request that settled the order (header, may be null) and the
 * payload, read as the settled order it tells of.
 */
public record ReceivedOrderEvent(UUID eventId, String eventType, String traceparent, SettledOrder order) {
}
