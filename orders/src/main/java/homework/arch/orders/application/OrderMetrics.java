package homework.arch.orders.application;

import java.util.EnumMap;
import java.util.Map;

import homework.arch.orders.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Orders settled by final status and the settler's attempts. Registered once; counted by the use
 * case after its transaction committed.
 */
@ApplicationScoped
public class OrderMetrics {

    private final Map<OrderStatus, Counter> settled = new EnumMap<>(OrderStatus.class);
    private final Counter settlerAttempts;

    @Inject
    public OrderMetrics(MetricRegistry registry) {
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isFinal()) {
                settled.put(status, registry.counter("orders.settled", new Tag("status", status.name())));
            }
        }
        settlerAttempts = registry.counter("orders.settler.attempts");
    }

    /** An order this service settled, after the commit. */
    void settled(OrderStatus status) {
        settled.get(status).inc();
    }

    /** One more attempt of the settler to charge an order that billing had not answered about. */
    void settlerAttempt() {
        settlerAttempts.inc();
    }
}
