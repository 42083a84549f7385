package homework.arch.platform.trace;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import homework.arch.platform.web.PassedOn;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API request works under a span of the caller's trace ({@code traceparent}), or of a new one,
 * and leaves one access line in the log with the trace id (JAX-RS requests only: health, metrics
 * and OpenAPI are served beside it). The span goes back to the caller in a
 * {@code traceresponse} header (W3C Trace Context level 2), so a client that sent none can still
 * find its request in the logs of all four services.
 */
@Provider
@PreMatching
@Priority(1)
@ApplicationScoped
public class TraceFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger ACCESS = System.getLogger("homework.arch.access");
    private static final String SCOPE = TraceFilter.class.getName() + ".scope";
    private static final String STARTED = TraceFilter.class.getName() + ".started";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        request.setProperty(SCOPE, Tracing.continueOrStart(request.getHeaderString(Tracing.HEADER)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Tracing.current().ifPresent(span -> response.getHeaders().putSingle("traceresponse", span.header()));
        if (!PassedOn.byJaxRs(request, response) && request.getProperty(STARTED) instanceof Long started) {
            ACCESS.log(Level.INFO, () -> request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath()
                    + " " + response.getStatus() + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (request.getProperty(SCOPE) instanceof Tracing.Scope scope) {
            scope.close();
        }
    }
}
