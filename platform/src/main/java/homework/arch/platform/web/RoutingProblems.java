package homework.arch.platform.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.platform.problem.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * The errors Helidon's routing answers itself, outside JAX-RS, as problems: above all a path that
 * neither a resource nor health, metrics or OpenAPI matches ({@code GET /billing/accounts/}), which
 * Helidon would answer with a plain-text {@code 404 Endpoint not found}. Registered on the server's
 * routing before the server starts.
 */
@ApplicationScoped
public class RoutingProblems {

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, ServerCdiExtension server) {
        server.serverRoutingBuilder().error(HttpException.class, RoutingProblems::answer);
    }

    static void answer(ServerRequest request, ServerResponse response, HttpException exception) {
        Status status = exception.status();
        Problem problem = status.code() == 404
                ? new Problem(Problem.type("not-found"), "Not Found", 404, "There is no resource at this path", List.of())
                : new Problem(Problem.type("http-" + status.code()), status.reasonPhrase(), status.code(),
                        status.code() >= 500 ? "The request could not be processed" : exception.getMessage(), List.of());
        try {
            response.status(status)
                    .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .send(JsonMapperProvider.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
