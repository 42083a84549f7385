package homework.arch.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * An expected failure with a stable problem type. Domain exceptions extend it (or one of its
 * subclasses) so that the HTTP mapping lives in one place and services never build error bodies.
 */
public class ApiException extends RuntimeException {

    private final Response.StatusType status;
    private final String slug;
    private final String title;

    public ApiException(Response.StatusType status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem problem() {
        return Problem.of(status, slug, title, getMessage());
    }
}
