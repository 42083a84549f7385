package homework.arch.notifications.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down once the order-events consumer thread has died: no letter would be written again until the
 * process restarts, so the platform (Kubernetes' liveness probe) should restart it.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    @Inject
    OrderEventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("order-events-consumer-thread")
                .status(consumer.isAlive())
                .withData("state", consumer.state().name())
                .build();
    }
}
