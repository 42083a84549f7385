package homework.arch.platform.openapi;

import homework.arch.platform.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares once, for every operation of every service, the answers the platform gives whatever the
 * resource: an operation's annotations declare only its own statuses, each by its status and a
 * description ({@code @APIResponse(responseCode = "404", description = "No such user")}).
 * <ul>
 * <li>A request body is required: each resource takes it {@code @NotNull}, so none is a 400.
 * <li>413 for a body over {@code api.max-body-bytes} ({@code web/BodySizeLimit}) and 415 for a body
 * of another media type (Jersey, as {@code problem/WebApplicationExceptionMapper} answers it), on
 * every operation that takes a body.
 * <li>503 with {@code Retry-After} on every operation: more requests than
 * {@code api.max-concurrent-requests} ({@code web/RequestLimit}), or no database connection in time
 * ({@code problem/UnexpectedExceptionMapper}). An operation that declares a 503 of its own keeps its
 * description, followed by these causes.
 * <li>Every 4xx and 5xx response has an {@code application/problem+json} body of schema {@code Problem}.
 * </ul>
 */
public class PlatformResponses implements OASFilter {

    private static final String TOO_LARGE = "413";
    private static final String UNSUPPORTED = "415";
    private static final String UNAVAILABLE = "503";

    private final long maxBodyBytes;
    private final int maxConcurrentRequests;

    /** As SmallRye makes it ({@code mp.openapi.filter}): the limits from the service's configuration. */
    public PlatformResponses() {
        this(ConfigProvider.getConfig());
    }

    PlatformResponses(Config config) {
        this(config.getValue("api.max-body-bytes", Long.class),
                config.getOptionalValue("api.max-concurrent-requests", Integer.class).orElse(0));
    }

    PlatformResponses(long maxBodyBytes, int maxConcurrentRequests) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                addPlatformResponses(operation);
                operation.getResponses().getAPIResponses().forEach(PlatformResponses::addProblemContent);
            }
        }
    }

    private void addPlatformResponses(Operation operation) {
        APIResponses responses = operation.getResponses();
        RequestBody body = operation.getRequestBody();
        if (body != null) {
            body.setRequired(true);
            String mediaTypes = body.getContent() == null || body.getContent().getMediaTypes() == null
                    ? "application/json" : String.join(" or ", body.getContent().getMediaTypes().keySet());
            addIfAbsent(responses, TOO_LARGE, "The body is larger than " + maxBodyBytes
                    + " bytes (payload-too-large); nothing was done");
            addIfAbsent(responses, UNSUPPORTED, "The body is not sent as " + mediaTypes
                    + " (unsupported-media-type); nothing was done");
        }
        String causes = unavailableCauses();
        String retry = ". Retry the same request after Retry-After";
        APIResponse unavailable = responses.getAPIResponse(UNAVAILABLE);
        if (unavailable == null) {
            responses.addAPIResponse(UNAVAILABLE, OASFactory.createAPIResponse()
                    .description(Character.toUpperCase(causes.charAt(0)) + causes.substring(1) + retry));
        } else {
            unavailable.setDescription(unavailable.getDescription() + ". Also when " + causes + retry);
        }
        responses.getAPIResponse(UNAVAILABLE).addHeader(HttpHeaders.RETRY_AFTER, OASFactory.createHeader()
                .description("Seconds to wait before sending the same request again: " + Problem.RETRY_AFTER_SECONDS)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)));
    }

    /** Why any operation may answer 503: the database, and an overload where the service sets a limit. */
    private String unavailableCauses() {
        String overload = maxConcurrentRequests > 0 ? "the service was handling " + maxConcurrentRequests
                + " requests and this one got no turn in time (overloaded), or " : "";
        return overload + "the database gave no connection in time (dependency-unavailable)";
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void addProblemContent(String status, APIResponse response) {
        boolean error = status.startsWith("4") || status.startsWith("5");
        if (error && response.getRef() == null
                && (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty())) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        }
    }
}
