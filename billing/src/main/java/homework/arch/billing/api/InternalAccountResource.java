package homework.arch.billing.api;

import java.net.URI;

import homework.arch.billing.application.AccountService;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.web.Answers;
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

/** Service-to-service: users opens the account of each user it registers. Not routed by the ingress. */
@Path("/internal/billing/accounts")
@ApplicationScoped
@Tag(name = "billing-internal", description = "Called by users only; not routed by the ingress")
public class InternalAccountResource {

    private final AccountService service;

    @Inject
    public InternalAccountResource(AccountService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the account of a user (idempotent)")
    @APIResponse(responseCode = "201", description = "The account was opened with balance 0",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/billing/accounts/{userId}, the public "
                    + "address of the account"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "200", description = "The account already existed; it is unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", description = "userId missing or not a UUID")
    public Response open(@NotNull(message = "is required") @Valid OpenAccountRequest request) {
        Stored<AccountResponse> body = service.open(request.userId()).map(AccountResponse::from);
        return Answers.createdOrFound(body, URI.create("/billing/accounts/" + body.value().userId()));
    }
}
