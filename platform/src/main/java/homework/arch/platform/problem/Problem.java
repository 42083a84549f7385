package homework.arch.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code errors} is present only for validation problems and
 * names each bad field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem")
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of every error response. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * Seconds a client waits before retrying a 503: every 503 of these services (overload, a
     * database or another service that did not answer) asks for the same request again.
     */
    public static final String RETRY_AFTER_SECONDS = "1";

    private static final String TYPE_BASE = "https://arch.homework/problems/";

    /** One rejected input: a JSON field path, a path or query parameter, or a header. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status.getStatusCode(), detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(type("validation"), "Invalid request", 400, detail, List.copyOf(errors));
    }

    /** The problem type URI for a slug such as {@code insufficient-funds}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The answer: this body as {@code application/problem+json}, and {@code Retry-After} on a 503. */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
        if (status == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
