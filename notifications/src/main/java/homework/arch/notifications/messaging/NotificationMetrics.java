package homework.arch.notifications.messaging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import homework.arch.notifications.domain.NotificationType;
import homework.arch.notifications.domain.SettledOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Order letters written by type and the settlement-to-letter lag, counted after each letter's commit.
 * The consumer's own metrics (duplicates, parked, retries, re-driven, lag) are platform's
 * {@code messaging.ConsumerMetrics}, under the same {@code notifications.} prefix.
 */
@ApplicationScoped
public class NotificationMetrics {

    private final Map<NotificationType, Counter> letters = new EnumMap<>(NotificationType.class);
    private final Timer letterLag;

    @Inject
    public NotificationMetrics(MetricRegistry registry) {
        for (SettledOrder.Outcome outcome : SettledOrder.Outcome.values()) {
            NotificationType type = outcome.letterType();
            letters.put(type, registry.counter("notifications.letters", new Tag("type", type.name())));
        }
        letterLag = registry.timer("notifications.letter.lag");
    }

    /**
     * {@code lag} runs from the order's settlement (the event's {@code occurredAt}, just before
     * orders committed it) to now: the outbox, the relay, Kafka and this consumer together.
     */
    void letterWritten(NotificationType type, Duration lag) {
        letters.get(type).inc();
        letterLag.update(lag.isNegative() ? Duration.ZERO : lag);
    }
}
