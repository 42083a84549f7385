package homework.arch.platform.problem;

import java.util.List;

import homework.arch.platform.failure.DomainException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Expected failures thrown below the API: one status per kind, the exception's own problem type. */
@Provider
@ApplicationScoped
@Priority(1)
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return problem(exception).toResponse();
    }

    /** The problem body of an expected failure. */
    public static Problem problem(DomainException exception) {
        return new Problem(Problem.type(exception.slug()), exception.title(), status(exception.kind()),
                exception.detail(), List.of());
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
    }
}
