package homework.arch.platform.openapi;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * {@code /openapi/ui} redirects to {@code ui/index.html}, a path relative to itself, where Helidon
 * redirects to the absolute {@code /openapi/ui/index.html}. Behind the ingress the UI's address is
 * {@code /openapi/<service>/ui}: an absolute Location leaves that prefix for a path nothing routes,
 * and neither ingress-nginx (as the chart configures it) nor a Gateway API HTTPRoute rewrites
 * Location headers. Registered on the server's routing before the OpenAPI UI's own routes.
 */
@ApplicationScoped
public class RelativeUiRedirect {

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, ServerCdiExtension server) {
        server.serverRoutingBuilder().get("/openapi/ui", (request, response) -> response
                .status(Status.TEMPORARY_REDIRECT_307)
                .header(HeaderNames.LOCATION, "ui/index.html")
                .send());
    }
}
