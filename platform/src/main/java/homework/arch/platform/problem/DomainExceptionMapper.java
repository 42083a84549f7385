package homework.arch.platform.problem;

import java.util.List;

import homework.arch.platform.failure.DomainException;
import homework.arch.platform.failure.InvalidInputException;
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

    /** The problem body of an expected failure; refused input names its field, as every validation problem does. */
    public static Problem problem(DomainException exception) {
        if (exception instanceof InvalidInputException invalid) {
            return Problem.invalid(invalid.detail(), List.of(new Problem.FieldError(invalid.field(), invalid.reason())));
        }
        return new Problem(Problem.type(exception.slug()), exception.title(), status(exception.kind()),
                exception.detail(), List.of());
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
    }
}
