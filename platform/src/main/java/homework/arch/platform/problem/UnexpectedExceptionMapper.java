package homework.arch.platform.problem;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything else is our bug: a generic 500 for the client, the cause in the log only. */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = System.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.ERROR, "Unexpected failure while handling a request", exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error",
                "The request failed unexpectedly; it has been logged").toResponse();
    }
}
