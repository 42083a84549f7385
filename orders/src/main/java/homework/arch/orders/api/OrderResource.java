package homework.arch.orders.api;

import java.net.URI;
import java.util.UUID;

import homework.arch.orders.application.OrderPlacement;
import homework.arch.orders.application.OrderQueries;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.web.Answers;
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
import jakarta.ws.rs.PathParam;
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

/** {@code /orders}: places orders and shows them. */
@Path("/orders")
@ApplicationScoped
@Tag(name = "orders", description = "Orders, charged through billing")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String LOCATION = "/orders/{id}, where the order reads back";

    private final OrderPlacement placement;
    private final OrderQueries orders;

    @Inject
    public OrderResource(OrderPlacement placement, OrderQueries orders) {
        this.placement = placement;
        this.orders = orders;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order and charge its price",
            description = "Re-posting the same id with the same content returns the stored order and charges nothing. "
                    + "A replay while the first request is still charging waits for its outcome (within the "
                    + "charge's budget, orders.replay-wait) and answers it: 200 with the settled order, or 202 "
                    + "with the PENDING order if billing did not answer in time. A replay of a PENDING order is "
                    + "always 202 with its current state, never 200; once settled, 200 with the final state.")
    @APIResponse(responseCode = "201", description = "Charged (PAID), or refused by billing (CANCELLED): insufficient funds, or no account",
            headers = @Header(name = HttpHeaders.LOCATION, description = LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "202", description = "Billing did not answer in time: PENDING, settles by itself "
            + "(also the answer to a replay while the order is still PENDING)",
            headers = @Header(name = HttpHeaders.LOCATION, description = LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "200", description = "The same order was placed before and is settled (PAID or CANCELLED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "Unknown user")
    @APIResponse(responseCode = "409", description = "The id is taken by a different order")
    @APIResponse(responseCode = "503", description = "Users could not be asked (dependency-unavailable); nothing was stored")
    public Response create(@Valid @NotNull(message = "is required") CreateOrderRequest request) {
        Stored<OrderResponse> body = placement.place(request.id(), request.userId(), request.price())
                .map(OrderResponse::from);
        URI location = URI.create("/orders/" + body.value().id());
        if (body.value().status() == OrderStatus.PENDING) {
            // Not final, for the first request and for every replay alike: never a 200.
            return Response.accepted(body.value()).location(location).build();
        }
        return Answers.createdOrFound(body, location);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such order")
    public OrderResponse get(@PathParam("id") UUID id) {
        return OrderResponse.from(orders.order(id));
    }

    @GET
    @Operation(summary = "A page of a user's orders, newest first",
            description = "At most limit orders; the Link header's rel=\"next\" URL gives the next page.")
    @APIResponse(responseCode = "200", description = "The user's orders, newest first",
            headers = @Header(name = HttpHeaders.LINK, description = PageParameters.LINK_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "userId is missing or not a UUID, or limit or cursor is invalid "
            + "or given twice")
    public Response list(@Parameter(required = true, description = "Whose orders")
                         @QueryParam("userId") @NotNull(message = "is required") UUID userId,
                         @BeanParam PageParameters paging) {
        return paging.answer(orders.ofUser(userId, paging.request()).map(OrderResponse::from));
    }
}
