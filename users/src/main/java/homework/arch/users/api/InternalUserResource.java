package homework.arch.users.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import homework.arch.users.application.UserService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service-to-service: orders (styles 1 and 2) and notifications (for a {@code MESSAGE}) read a user's
 * email here. Same body as {@code GET /users/{id}};
 * a separate path so that the ingress, which never routes {@code /internal}, can keep it private.
 */
@Path("/internal/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users-internal", description = "Called by other services only; not routed by the ingress")
public class InternalUserResource {

    private final UserService users;

    @Inject
    public InternalUserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A registered user, for other services")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserResponse user(@PathParam("id") UUID id) {
        return UserResponse.from(users.user(id));
    }
}
