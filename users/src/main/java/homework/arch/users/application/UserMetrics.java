package homework.arch.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Users registered: only those this service stored, not a registration answered again. Registered
 * once; counted by the use case after its transaction committed.
 */
@ApplicationScoped
public class UserMetrics {

    private final Counter registered;

    @Inject
    public UserMetrics(MetricRegistry registry) {
        registered = registry.counter("users.registered");
    }

    /** A user this request stored, after the commit. */
    void registered() {
        registered.inc();
    }
}
