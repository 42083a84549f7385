package homework.arch.notifications.messaging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import homework.arch.notifications.domain.NotificationType;
import homework.arch.notifications.domain.RedriveOutcome;
import homework.arch.notifications.domain.SettledOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Order letters written by type, settlement-to-letter lag, events skipped as duplicates, parked records,
 * retries, consumer lag, parked records re-driven by outcome. Registered once; counted by the consumer
 * after each transaction committed. (The gauge of records still parked reads the table:
 * {@code persistence.ParkedRecordsGauge}.)
 */
@ApplicationScoped
public class NotificationMetrics {

    private final Map<NotificationType, Counter> letters = new EnumMap<>(NotificationType.class);
    private final Timer letterLag;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter retries;
    private final Map<RedriveOutcome, Counter> redriven = new EnumMap<>(RedriveOutcome.class);
    private final AtomicLong consumerLag = new AtomicLong();

    @Inject
    public NotificationMetrics(MetricRegistry registry) {
        for (SettledOrder.Outcome outcome : SettledOrder.Outcome.values()) {
            NotificationType type = outcome.letterType();
            letters.put(type, registry.counter("notifications.letters", new Tag("type", type.name())));
        }
        letterLag = registry.timer("notifications.letter.lag");
        duplicates = registry.counter("notifications.events.duplicates");
        parked = registry.counter("notifications.events.parked");
        retries = registry.counter("notifications.events.retries");
        registry.gauge("notifications.consumer.lag", consumerLag, AtomicLong::get);
        for (RedriveOutcome outcome : RedriveOutcome.values()) {
            redriven.put(outcome, registry.counter("notifications.events.redriven",
                    new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))));
        }
    }

    /**
     * {@code lag} runs from the order's settlement (the event's {@code occurredAt}, just before
     * orders committed it) to now: the outbox, the relay, Kafka and this consumer together.
     */
    void letterWritten(NotificationType type, Duration lag) {
        letters.get(type).inc();
        letterLag.update(lag.isNegative() ? Duration.ZERO : lag);
    }

    void duplicateSkipped() {
        duplicates.inc();
    }

    void parked() {
        parked.inc();
    }

    void retried() {
        retries.inc();
    }

    /** A parked record tried again by a re-drive, with what came of it (after the letter's commit). */
    void redriven(RedriveOutcome outcome) {
        redriven.get(outcome).inc();
    }

    void lag(long records) {
        consumerLag.set(records);
    }
}
