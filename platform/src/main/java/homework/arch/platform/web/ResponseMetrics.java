package homework.arch.platform.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the API's answers by status class: {@code api.responses{status_class="2xx|3xx|4xx|5xx"}}, so
 * that the request rate and the share of server errors of each service are one query each. Every
 * JAX-RS answer counts, those of the exception mappers and of the request limit's 503 included;
 * health, metrics and OpenAPI are not JAX-RS resources and do not, nor does the 404 of a path that no
 * resource matches ({@link PassedOn}).
 */
@Provider
@ApplicationScoped
public class ResponseMetrics implements ContainerResponseFilter {

    private static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");

    private volatile Counter[] byClass;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, MetricRegistry registry) {
        Counter[] counters = new Counter[CLASSES.size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = registry.counter("api.responses", new Tag("status_class", CLASSES.get(i)));
        }
        byClass = counters;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Counter[] counters = byClass;
        int index = response.getStatus() / 100 - 1;
        if (counters != null && index >= 0 && index < counters.length && !PassedOn.byJaxRs(request, response)) {
            counters[index].inc();
        }
    }
}
