package homework.arch.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import homework.arch.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code api.max-body-bytes} (default 64 KiB) with a 413 problem before
 * it is read. Every request of this API is a small JSON document. Bodies sent without a length are
 * capped by the web server's own {@code server.max-payload-size}.
 */
@Provider
@PreMatching
@ApplicationScoped
public class BodySizeLimit implements ContainerRequestFilter {

    private final long maxBytes;

    @Inject
    public BodySizeLimit(@ConfigProperty(name = "api.max-body-bytes", defaultValue = "65536") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                    "Payload Too Large", "The request body is larger than " + maxBytes + " bytes").toResponse());
        }
    }
}
