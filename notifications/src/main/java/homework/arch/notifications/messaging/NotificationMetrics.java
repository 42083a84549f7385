package homework.arch.notifications.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import homework.arch.notifications.domain.NotificationType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Letters written by type, settlement-to-letter lag, events skipped as duplicates, parked records, retries, consumer lag. */
@ApplicationScoped
public class NotificationMetrics {

    private final MetricRegistry registry;
    private final AtomicLong lag = new AtomicLong();

    @Inject
    public NotificationMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    @PostConstruct
    void register() {
        registry.gauge("notifications.consumer.lag", lag, AtomicLong::get);
    }

    /**
     * Counted after the letter's transaction committed. {@code lag} runs from the order's settlement
     * (the event's {@code occurredAt}, just before orders committed it) to now: the outbox, the relay,
     * Kafka and this consumer together.
     */
    public void letterWritten(NotificationType type, Duration lag) {
        registry.counter("notifications.letters", new Tag("type", type.name())).inc();
        registry.timer("notifications.letter.lag").update(lag.isNegative() ? Duration.ZERO : lag);
    }

    void duplicateSkipped() {
        registry.counter("notifications.events.duplicates").inc();
    }

    void parked() {
        registry.counter("notifications.events.parked").inc();
    }

    void retried() {
        registry.counter("notifications.events.retries").inc();
    }

    void lag(long records) {
        lag.set(records);
    }
}
