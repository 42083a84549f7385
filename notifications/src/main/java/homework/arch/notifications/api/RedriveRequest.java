package homework.arch.notifications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /internal/notifications/parked-events/redrive}: which parked records to send through
 * the consumer again. At least one of the three; given together, a record must match all.
 */
@Schema(name = "RedriveRequest")
public record RedriveRequest(
        @Schema(description = "Only records whose eventType header names this kind of order event",
                enumeration = {"OrderPaid", "OrderCancelled"})
        String eventType,
        @Schema(description = "Only records with this parked id or a higher one")
        Long fromId,
        @Schema(description = "Only records with this parked id or a lower one; not below fromId")
        Long toId) {
}
