package homework.arch.notifications.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the order-events consumer thread runs (the database check is the platform's). */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    OrderEventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("order-events-consumer")
                .status(consumer.isRunning())
                .withData("state", consumer.state().name())
                .withData("lastPoll", String.valueOf(consumer.lastPoll()))
                .build();
    }
}
