package homework.arch.users.client;

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

/** billing's internal API, as far as users needs it. Base URL: {@code billing/mp-rest/url}. */
@RegisterProvider(TracePropagation.class)
@RegisterRestClient(configKey = "billing")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/internal/billing/accounts")
public interface BillingClient {

    record OpenAccount(UUID userId) {
    }

    /** 201 when opened, 200 when it existed: both fine. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    void openAccount(OpenAccount request);
}
