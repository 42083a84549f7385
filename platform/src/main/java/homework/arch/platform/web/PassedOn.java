package homework.arch.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Helidon offers every request to JAX-RS first; a 404 that matched no resource goes on to health,
 * metrics, OpenAPI or the platform's routing problems, so it is not this request's answer, and the
 * response filters that log or count answers leave it out.
 */
public final class PassedOn {

    private PassedOn() {
    }

    /** Whether JAX-RS passes this request on to the rest of the server instead of answering it. */
    public static boolean byJaxRs(ContainerRequestContext request, ContainerResponseContext response) {
        return response.getStatus() == 404 && request.getUriInfo().getMatchedResources().isEmpty();
    }
}
