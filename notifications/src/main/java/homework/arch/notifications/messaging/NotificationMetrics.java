package homework.arch.notifications.messaging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final MetricRegistry registry;
    /** Records behind the end of each partition this replica has been assigned; 0 while it is not. */
    private final Map<Integer, AtomicLong> lagByPartition = new ConcurrentHashMap<>();

    @Inject
    public NotificationMetrics(MetricRegistry registry) {
        this.registry = registry;
        for (SettledOrder.Outcome outcome : SettledOrder.Outcome.values()) {
            NotificationType type = outcome.letterType();
            letters.put(type, registry.counter("notifications.letters", new Tag("type", type.name())));
        }
        letterLag = registry.timer("notifications.letter.lag");
        duplicates = registry.counter("notifications.events.duplicates");
        parked = registry.counter("notifications.events.parked");
        retries = registry.counter("notifications.events.retries");
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

    /**
     * The gauge {@code notifications.consumer.lag{partition}}: records behind the end of each partition
     * assigned to this replica ({@code recordsBehind}); 0 for a partition it had and no longer has, so
     * that the sum over the replicas is the lag of the group.
     */
    void lag(Map<Integer, Long> recordsBehind) {
        recordsBehind.keySet().forEach(partition -> lagByPartition.computeIfAbsent(partition, p -> {
            AtomicLong lag = new AtomicLong();
            registry.gauge("notifications.consumer.lag", lag, AtomicLong::get, new Tag("partition", String.valueOf(p)));
            return lag;
        }));
        lagByPartition.forEach((partition, lag) -> lag.set(recordsBehind.getOrDefault(partition, 0L)));
    }
}
