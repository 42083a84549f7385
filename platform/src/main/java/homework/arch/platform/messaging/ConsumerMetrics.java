package homework.arch.platform.messaging;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * One consumer's metrics, named after its subscription's prefix: events skipped as duplicates,
 * parked records, retries, parked records re-driven by outcome, and the consumer lag by partition.
 * Counted after each transaction committed. (The gauge of records still parked reads the table:
 * {@link ParkedRecordsGauge}.)
 */
public class ConsumerMetrics {

    private final String prefix;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter retries;
    private final Map<RedriveOutcome, Counter> redriven = new EnumMap<>(RedriveOutcome.class);
    private final MetricRegistry registry;
    /** Records behind the end of each partition this replica has been assigned; 0 while it is not. */
    private final Map<Integer, AtomicLong> lagByPartition = new ConcurrentHashMap<>();

    public ConsumerMetrics(MetricRegistry registry, String prefix) {
        this.registry = registry;
        this.prefix = prefix;
        duplicates = registry.counter(prefix + ".events.duplicates");
        parked = registry.counter(prefix + ".events.parked");
        retries = registry.counter(prefix + ".events.retries");
        for (RedriveOutcome outcome : RedriveOutcome.values()) {
            redriven.put(outcome, registry.counter(prefix + ".events.redriven",
                    new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))));
        }
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

    /** A parked record tried again by a re-drive, with what came of it (after its commit). */
    void redriven(RedriveOutcome outcome) {
        redriven.get(outcome).inc();
    }

    /**
     * The gauge {@code <prefix>.consumer.lag{partition}}: records behind the end of each partition
     * assigned to this replica ({@code recordsBehind}); 0 for a partition it had and no longer has, so
     * that the sum over the replicas is the lag of the group.
     */
    void lag(Map<Integer, Long> recordsBehind) {
        recordsBehind.keySet().forEach(partition -> lagByPartition.computeIfAbsent(partition, p -> {
            AtomicLong lag = new AtomicLong();
            registry.gauge(prefix + ".consumer.lag", lag, AtomicLong::get, new Tag("partition", String.valueOf(p)));
            return lag;
        }));
        lagByPartition.forEach((partition, lag) -> lag.set(recordsBehind.getOrDefault(partition, 0L)));
    }
}
