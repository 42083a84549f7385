package homework.arch.platform.problem;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

/**
 * JAX-RS's own failures (wrong method, wrong content type, a path or query parameter that does not
 * convert) as problems. A path that no resource matches is left as Jersey's bare 404, because
 * Helidon then routes it on to health, metrics and OpenAPI; if none of them matches either,
 * {@code RoutingProblems} answers the 404 problem. Jersey answers an unconvertible parameter with 404; a
 * malformed id is the client's mistake, so it becomes a 400 naming the parameter.
 */
@Provider
@ApplicationScoped
@Priority(1)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException param) {
            String message = invalidParameterMessage(param);
            return Problem.invalid(param.getParameterName() + " " + message,
                    List.of(new Problem.FieldError(param.getParameterName(), message))).toResponse();
        }
        if (exception instanceof NotFoundException) {
            // No resource matched the path. Left without a body, Helidon hands the request on to
            // its own routes (/health, /metrics, /openapi); a body here would hide them all.
            return exception.getResponse();
        }
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Problem problem = switch (status.getStatusCode()) {
            case 404 -> Problem.of(status, "not-found", "Not Found", "There is no resource at this path");
            case 405 -> Problem.of(status, "method-not-allowed", "Method Not Allowed",
                    "This resource does not support this method");
            case 406 -> Problem.of(status, "not-acceptable", "Not Acceptable", "Responses are application/json");
            case 413 -> Problem.of(status, "payload-too-large", "Payload Too Large", "The request body is too large");
            case 415 -> Problem.of(status, "unsupported-media-type", "Unsupported Media Type",
                    "Send the request body as application/json");
            default -> Problem.of(status, "http-" + status.getStatusCode(), status.getReasonPhrase(),
                    status.getStatusCode() >= 500 ? "The request could not be processed" : exception.getMessage());
        };
        Response.ResponseBuilder builder = Response.fromResponse(problem.toResponse());
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    private static String invalidParameterMessage(ParamException exception) {
        Throwable cause = exception.getCause();
        if (cause != null && cause.getMessage() != null && cause.getMessage().contains("UUID")) {
            return "must be a UUID";
        }
        return "has an invalid value";
    }
}
