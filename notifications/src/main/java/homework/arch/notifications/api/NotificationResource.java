package homework.arch.notifications.api;

import java.net.URI;
import java.util.UUID;

import homework.arch.notifications.application.NotificationService;
import homework.arch.platform.web.PageParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /notifications}: a user's letters, and sending a message. */
@Path("/notifications")
@ApplicationScoped
@Tag(name = "notifications", description = "Letters to users (stored, not mailed)")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService notifications;

    @Inject
    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "A page of a user's letters, newest first",
            description = "One ORDER_PAID letter per paid order, one ORDER_CANCELLED per cancelled order, and messages. "
                    + "At most limit letters; the Link header's rel=\"next\" URL gives the next page.")
    @APIResponse(responseCode = "200", description = "The user's letters, newest first",
            headers = @Header(name = HttpHeaders.LINK, description = PageParameters.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", description = "userId is missing or not a UUID, or limit or cursor is invalid "
            + "or given twice")
    public Response list(@Parameter(required = true, description = "Whose letters")
                         @QueryParam("userId") @NotNull(message = "is required") UUID userId,
                         @BeanParam PageParameters paging) {
        return paging.answer(notifications.ofUser(userId, paging.request()).map(NotificationResponse::from));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to a user's registered email (stored, not mailed)")
    @APIResponse(responseCode = "201", description = "The stored MESSAGE",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/notifications?userId={userId}: the list "
                    + "of the user's letters, where the message is the newest (a letter has no address of its own)"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "Unknown user")
    @APIResponse(responseCode = "503", description = "Users could not be asked (dependency-unavailable); nothing was stored")
    public Response send(@Valid @NotNull(message = "is required") SendMessageRequest request) {
        NotificationResponse body = NotificationResponse.from(
                notifications.send(request.userId(), request.subject(), request.body()));
        return Response.created(URI.create("/notifications?userId=" + body.userId())).entity(body).build();
    }
}
