package homework.arch.notifications.api;

import homework.arch.notifications.domain.RedriveSelection;
import homework.arch.platform.messaging.ParkedEventRedrive;
import homework.arch.platform.messaging.ParkedSelection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * For an operator: parked records sent through the consumer again once their cause is fixed. Under
 * {@code /internal}, which the ingress never routes: reached on the service's own port (locally) or
 * through {@code kubectl port-forward}.
 */
@Path("/internal/notifications/parked-events")
@ApplicationScoped
@Tag(name = "notifications-internal", description = "For operators only; not routed by the ingress")
public class InternalParkedEventResource {

    private final ParkedEventRedrive redrive;

    @Inject
    public InternalParkedEventResource(ParkedEventRedrive redrive) {
        this.redrive = redrive;
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send parked records of a kind or an id range through the consumer again",
            description = "Each selected record still parked, lowest id first, is parsed and handled as the consumer "
                    + "handles a record (its own transaction, the event id deduplicated). A handled record is marked "
                    + "and never sent again, so calling this twice re-drives nothing the second time; a record that "
                    + "fails again stays parked with its new reason.")
    @APIResponse(responseCode = "200", description = "What was tried and what came of each",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedriveResponse.class)))
    @APIResponse(responseCode = "400", description = "No selector, an unknown eventType, toId below fromId, or a "
            + "malformed body; nothing was changed")
    @APIResponse(responseCode = "503", description = "The records re-driven before the database stopped answering "
            + "stay re-driven")
    public RedriveResponse redrive(@NotNull(message = "is required") RedriveRequest request) {
        RedriveSelection selection = new RedriveSelection(request.eventType(), request.fromId(), request.toId());
        return RedriveResponse.from(redrive.redrive(
                new ParkedSelection(selection.eventType(), selection.lowestId(), selection.highestId())));
    }
}
