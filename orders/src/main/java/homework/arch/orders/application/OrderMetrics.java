package homework.arch.orders.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counters of settled orders by final status (counted after the commit) and of settler attempts. */
@ApplicationScoped
public class OrderMetrics {

    private final MetricRegistry registry;

    @Inject
    public OrderMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    void settled(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderSettled event) {
        registry.counter("orders.settled", new Tag("status", event.status().name())).inc();
    }

    /** One more attempt of the settler to charge an order that billing had not answered about. */
    public void settlerAttempt() {
        registry.counter("orders.settler.attempts").inc();
    }
}
