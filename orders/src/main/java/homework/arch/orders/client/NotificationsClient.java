package homework.arch.orders.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import homework.arch.platform.client.RemoteProblemMapper;
import homework.arch.platform.trace.TracePropagation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Style 1: notifications' internal letter API ({@code NOTIFICATIONS_URL}). */
@RegisterProvider(TracePropagation.class)
@RegisterRestClient(configKey = "notifications")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/internal/notifications")
public interface NotificationsClient {

    /** The settled order the letter is about: the payload of the order event in style 2. */
    record SettledOrder(UUID orderId, UUID userId, String email, BigDecimal price, String status,
                        Instant occurredAt) {
    }

    /** Stores the letter; a repeated order id stores nothing and answers the letter stored before. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    void store(SettledOrder order);
}
