package homework.arch.notifications.api;

import java.net.URI;

import homework.arch.notifications.application.OrderLetters;
import homework.arch.notifications.domain.Notification;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/**
 * {@code /internal/notifications}, style 1 only (openapi/styles/http-only.yaml): orders stores the
 * letter about a settled order before it answers its client. One letter per order: a repeated call
 * (orders' retry, its settler) stores nothing and answers the letter stored first.
 */
@Path("/internal/notifications")
@ApplicationScoped
@InStyles(Style.HTTP_ONLY)
@Tag(name = "notifications-internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalOrderLetterResource {

    private final OrderLetters letters;

    @Inject
    public InternalOrderLetterResource(OrderLetters letters) {
        this.letters = letters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Internal (orders, style 1): store the letter about a settled order, once per order")
    @APIResponse(responseCode = "201", description = "The letter, stored now",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/notifications?userId={userId}: the list "
                    + "of the user's letters"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "200", description = "The letter stored before for this order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    public Response store(@Valid @NotNull(message = "is required") OrderLetterRequest request) {
        Stored<Notification> letter = letters.store(request.order());
        NotificationResponse body = NotificationResponse.from(letter.value());
        return (letter.created() ? Response.created(URI.create("/notifications?userId=" + body.userId()))
                : Response.ok()).entity(body).build();
    }
}
