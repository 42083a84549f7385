package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.platform.client.RemoteProblemMapper;
import homework.arch.platform.trace.TracePropagation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The billing service's accounts API ({@code BILLING_URL}). */
@RegisterProvider(TracePropagation.class)
@RegisterRestClient(configKey = "billing")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/billing/accounts")
public interface BillingClient {

    /** The body of billing's withdrawal: the order's price, and the order it pays for. */
    record Withdrawal(BigDecimal amount, UUID orderId) {
    }

    /** A replay with the same key returns the first outcome and moves no money again. */
    @POST
    @Path("/{userId}/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccountBalance withdraw(@PathParam("userId") UUID userId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                            Withdrawal request);
}
