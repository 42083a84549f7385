package homework.arch.platform.problem;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.platform.db.DatabaseFailures;
import homework.arch.platform.failure.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else is our bug: a generic 500 for the client, the cause in the log only. One exception:
 * the database could not be reached or gave no connection in time (the pool's wait is bounded, see
 * {@code db.pool.acquisition-timeout}). That is an outage or overload, not a bug: 503 with a
 * Retry-After, and since every write runs in one transaction, retrying the same request is safe.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (DatabaseFailures.unreachable(exception)) {
            LOG.log(Level.WARNING, "No database connection: " + exception.getMessage());
            return DomainExceptionMapper.problem(new UnavailableException("the database", exception)).toResponse();
        }
        LOG.log(Level.ERROR, "Unexpected failure while handling a request", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
                "The request failed unexpectedly; it has been logged").toResponse();
    }
}
