package homework.arch.platform.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauge {@code remote.circuit.open{target}}: 1 while the circuit breaker of {@link RemoteCalls}
 * to {@code target} refuses calls, else 0; one per service this one is configured to call (each
 * {@code <target>/mp-rest/url}), from the start, so that an alert sees the series before the first call.
 */
@ApplicationScoped
public class RemoteCircuits {

    private static final Pattern CLIENT_URL = Pattern.compile("([\\w-]+)/mp-rest/url");

    void register(@Observes @Initialized(ApplicationScoped.class) Object started, Config config, MetricRegistry registry) {
        for (String property : config.getPropertyNames()) {
            Matcher client = CLIENT_URL.matcher(property);
            if (client.matches()) {
                String target = client.group(1);
                registry.gauge("remote.circuit.open", () -> RemoteCalls.circuitOpen(target) ? 1 : 0, new Tag("target", target));
            }
        }
    }
}
