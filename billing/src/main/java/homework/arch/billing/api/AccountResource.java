package homework.arch.billing.api;

import java.util.UUID;

import homework.arch.platform.money.Amount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import homework.arch.billing.application.AccountService;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.platform.web.PageParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public account endpoints: balance, deposits, withdrawals and the ledger. */
@Path("/billing/accounts/{userId}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "billing", description = "Accounts, deposits, withdrawals and the ledger")
public class AccountResource {

    private static final String KEY_HEADER = "Idempotency-Key";
    private static final String KEY_DESCRIPTION = "1 to 100 characters; a replay with the same key returns the first"
            + " outcome and moves no money again. A replay while the first request with the key is still in progress"
            + " waits for its outcome (one local transaction) and returns it; it never sees a partial state";

    private final AccountService service;

    @Inject
    public AccountResource(AccountService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The account of a user and its balance")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", description = "userId is not a UUID")
    @APIResponse(responseCode = "404", description = "No account for this user")
    public AccountResponse account(@PathParam("userId") UUID userId) {
        return AccountResponse.from(service.account(userId));
    }

    @POST
    @Path("/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add money to the account")
    @APIResponse(responseCode = "409", description = "The balance would exceed 999999999999.99 (balance-limit-exceeded)")
    @APIResponse(responseCode = "200", description = "The money moved (or the first outcome of this Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MovementResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different request")
    @APIResponse(responseCode = "400", description = "Malformed id, body or Idempotency-Key; the errors name each bad field")
    @APIResponse(responseCode = "404", description = "No account for this user")
    public Response deposit(@PathParam("userId") UUID userId,
                            @Parameter(in = ParameterIn.HEADER, name = KEY_HEADER, description = KEY_DESCRIPTION)
                            @HeaderParam(KEY_HEADER) @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
                            String idempotencyKey,
                            @NotNull(message = "is required") @Valid DepositRequest request) {
        return toResponse(service.move(userId, Movement.deposit(new Amount(request.amount())), idempotencyKey));
    }

    @POST
    @Path("/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take money from the account if the balance covers it")
    @APIResponse(responseCode = "200", description = "The money moved (or the first outcome of this Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MovementResponse.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different request")
    @APIResponse(responseCode = "409", description = "Insufficient funds (type ends in insufficient-funds); the balance is unchanged")
    @APIResponse(responseCode = "400", description = "Malformed id, body or Idempotency-Key; the errors name each bad field")
    @APIResponse(responseCode = "404", description = "No account for this user")
    public Response withdraw(@PathParam("userId") UUID userId,
                             @Parameter(in = ParameterIn.HEADER, name = KEY_HEADER, description = KEY_DESCRIPTION)
                             @HeaderParam(KEY_HEADER) @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
                             String idempotencyKey,
                             @NotNull(message = "is required") @Valid WithdrawalRequest request) {
        Movement movement = Movement.withdrawal(new Amount(request.amount()), request.orderId());
        return toResponse(service.move(userId, movement, idempotencyKey));
    }

    @GET
    @Path("/transactions")
    @Operation(summary = "A page of the account's ledger, newest first",
            description = "At most limit entries; the Link header's rel=\"next\" URL gives the next page.")
    @APIResponse(responseCode = "200", description = "Ledger entries, newest first",
            headers = @Header(name = HttpHeaders.LINK, description = PageParameters.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LedgerEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "userId is not a UUID, or limit or cursor is invalid or given twice")
    @APIResponse(responseCode = "404", description = "No account for this user")
    public Response transactions(@PathParam("userId") UUID userId, @BeanParam PageParameters paging) {
        return paging.answer(service.transactions(userId, paging.request()).map(LedgerEntryResponse::from));
    }

    private static Response toResponse(RecordedOutcome outcome) {
        return Response.status(outcome.status()).type(outcome.mediaType()).entity(outcome.body()).build();
    }
}
