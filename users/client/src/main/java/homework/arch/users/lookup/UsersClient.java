package homework.arch.users.lookup;

import java.util.UUID;

import homework.arch.platform.client.RemoteProblemMapper;
import homework.arch.platform.trace.TracePropagation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The users service's internal API ({@code USERS_URL}, REST Client config key {@code users}). */
@RegisterProvider(TracePropagation.class)
@RegisterRestClient(configKey = "users")
@RegisterProvider(RemoteProblemMapper.class)
@Path("/internal/users")
public interface UsersClient {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    RegisteredUser user(@PathParam("id") UUID id);
}
