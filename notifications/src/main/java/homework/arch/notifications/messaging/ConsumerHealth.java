package homework.arch.notifications.messaging;

import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** What the order-events consumer tells the health endpoints (the database check is the platform's). */
@ApplicationScoped
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class ConsumerHealth {

    private final OrderEventConsumer consumer;

    @Inject
    public ConsumerHealth(OrderEventConsumer consumer) {
        this.consumer = consumer;
    }

    /** Ready only while the consumer thread runs (or retries). */
    @Produces
    @Readiness
    HealthCheck running() {
        return () -> HealthCheckResponse.named("order-events-consumer")
                .status(consumer.isRunning())
                .withData("state", consumer.state().name())
                .withData("lastPoll", String.valueOf(consumer.lastPoll()))
                .build();
    }

    /**
     * Down once the consumer thread has died: no letter would be written again until the process
     * restarts, so the platform (Kubernetes' liveness probe) should restart it.
     */
    @Produces
    @Liveness
    HealthCheck threadAlive() {
        return () -> HealthCheckResponse.named("order-events-consumer-thread")
                .status(consumer.isAlive())
                .withData("state", consumer.state().name())
                .build();
    }
}
