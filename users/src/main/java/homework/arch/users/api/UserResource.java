package homework.arch.users.api;

import java.net.URI;
import java.util.UUID;

import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.web.Answers;
import homework.arch.users.application.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "User registration")
public class UserResource {

    private final UserService users;

    @Inject
    public UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a user and open the user's billing account",
            description = "Idempotent on the id: the same id with the same name and email returns the existing user.")
    @APIResponse(responseCode = "201", description = "Registered; the billing account exists with balance 0",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/users/{id}, where the user reads back"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "200", description = "This user was registered before with the same data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; the errors name each bad field")
    @APIResponse(responseCode = "409", description = "The id belongs to a user with a different name or email")
    @APIResponse(responseCode = "503", description = "billing could not be reached; nothing was stored, retry with the same id")
    public Response create(@NotNull(message = "is required") @Valid CreateUserRequest request) {
        Stored<UserResponse> body = users.register(request.id(), request.name(), request.email())
                .map(UserResponse::from);
        return Answers.createdOrFound(body, URI.create("/users/" + body.value().id()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A registered user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserResponse user(@PathParam("id") UUID id) {
        return UserResponse.from(users.user(id));
    }
}
