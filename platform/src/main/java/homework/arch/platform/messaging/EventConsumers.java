package homework.arch.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs one {@link EventConsumer} for every {@link EventSubscription} bean of the service, from the
 * application's start to its end, and tells the health endpoints about them (the database check
 * is platform's db package). A service, or an interaction style, without subscriptions runs none,
 * and its checks are up.
 */
@ApplicationScoped
public class EventConsumers {

    private final Instance<EventSubscription<?>> subscriptions;
    private final Instance<ConsumerSettings> settings;
    private final ParkedEventStore parking;
    private final ParkedRecordsGauge parkedGauge;
    private final MetricRegistry registry;
    private final List<EventConsumer<?>> consumers = new ArrayList<>();

    @Inject
    public EventConsumers(@Any Instance<EventSubscription<?>> subscriptions, Instance<ConsumerSettings> settings,
                          ParkedEventStore parking, ParkedRecordsGauge parkedGauge, MetricRegistry registry) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.parking = parking;
        this.parkedGauge = parkedGauge;
        this.registry = registry;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (EventSubscription<?> subscription : subscriptions) {
            consumers.add(consumer(subscription));
        }
        if (!consumers.isEmpty()) {
            parkedGauge.register();
        }
        consumers.forEach(EventConsumer::start);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        consumers.forEach(EventConsumer::stop);
    }

    /**
     * One more try of a parked record, by the consumer of its topic; still failing when this service
     * (in this style) has no consumer of that topic. Counted by outcome.
     */
    public RedriveResult replay(ParkedEvent parked) {
        for (EventConsumer<?> consumer : consumers) {
            if (consumer.topic().equals(parked.record().topic())) {
                RedriveResult result = consumer.replay(parked);
                consumer.metrics().redriven(result.outcome());
                return result;
            }
        }
        return RedriveResult.stillFailing(parked.id(), "no consumer of topic " + parked.record().topic());
    }

    /**
     * Ready only while every consumer thread runs (or retries). Named after the consumer when the
     * service has one ({@code order-events-consumer}), {@code event-consumers} otherwise; each
     * consumer's state is in the data either way.
     */
    @Produces
    @Readiness
    HealthCheck running() {
        return () -> {
            HealthCheckResponseBuilder check = HealthCheckResponse.named(checkName("-consumer"))
                    .status(consumers.stream().allMatch(EventConsumer::isRunning));
            for (EventConsumer<?> consumer : consumers) {
                check.withData(consumer.name() + "-consumer", consumer.state().name())
                        .withData(consumer.name() + "-lastPoll", String.valueOf(consumer.lastPoll()));
            }
            if (consumers.size() == 1) {
                check.withData("state", consumers.getFirst().state().name())
                        .withData("lastPoll", String.valueOf(consumers.getFirst().lastPoll()));
            }
            return check.build();
        };
    }

    /**
     * Down once a consumer thread has died: no event of its topic would be handled again until the
     * process restarts, so the platform (Kubernetes' liveness probe) should restart it.
     */
    @Produces
    @Liveness
    HealthCheck threadAlive() {
        return () -> {
            HealthCheckResponseBuilder check = HealthCheckResponse.named(checkName("-consumer-thread"))
                    .status(consumers.stream().allMatch(EventConsumer::isAlive));
            for (EventConsumer<?> consumer : consumers) {
                check.withData(consumer.name() + "-consumer-thread", consumer.state().name());
            }
            return check.build();
        };
    }

    private String checkName(String suffix) {
        return consumers.size() == 1 ? consumers.getFirst().name() + suffix : "event" + suffix + "s";
    }

    private <E> EventConsumer<E> consumer(EventSubscription<E> subscription) {
        return new EventConsumer<>(subscription, settings.get(), parking::park,
                new ConsumerMetrics(registry, subscription.metricPrefix()));
    }
}
