package homework.arch.notifications.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.NotificationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A letter as the API shows it; {@code orderId} only for letters about an order. */
@Schema(name = "Notification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationResponse(UUID id, UUID userId, String email,
                                   @Schema(description = "The order the letter is about (ORDER_PAID, ORDER_CANCELLED)")
                                   UUID orderId,
                                   NotificationType type, String subject, String body, Instant createdAt) {

    static NotificationResponse from(Notification n) {
        return new NotificationResponse(n.id(), n.userId(), n.email(), n.orderId(), n.type(), n.subject(), n.body(),
                n.createdAt());
    }
}
