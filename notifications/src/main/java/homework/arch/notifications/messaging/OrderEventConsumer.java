package homework.arch.notifications.messaging;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import homework.arch.notifications.application.OrderEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The order-events consumer thread, started and stopped with the application. A record's offset is
 * committed only after it is done ({@link RecordProcessor}); a polled batch's letters are stored in
 * one database transaction unless one of them fails. When a record must be retried, the consumer
 * seeks back to it and to every later record of the batch, waits a growing backoff and polls again,
 * so nothing is skipped. A broken connection is rebuilt the same way.
 */
@ApplicationScoped
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class OrderEventConsumer {

    private static final Logger LOG = System.getLogger(OrderEventConsumer.class.getName());

    private final ConsumerSettings settings;
    private final OrderEvents handler;
    private final NotificationMetrics metrics;

    private volatile boolean running;
    private volatile ConsumerState state = ConsumerState.STOPPED;
    private volatile Instant lastPoll;
    private volatile KafkaConsumer<String, String> consumer;
    private Backoff backoff;
    private Thread thread;

    @Inject
    public OrderEventConsumer(ConsumerSettings settings, OrderEvents handler, NotificationMetrics metrics) {
        this.settings = settings;
        this.handler = handler;
        this.metrics = metrics;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        running = true;
        state = ConsumerState.STARTING;
        thread = Thread.ofPlatform().name("order-events-consumer").start(this::run);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Running (or retrying) on a live thread: what readiness reports. */
    public boolean isRunning() {
        return running && thread != null && thread.isAlive() && state != ConsumerState.STOPPED;
    }

    /**
     * False once the consumer thread has ended while the application runs: only an {@link Error}
     * gets past its loop, and nothing in this process would restart it (liveness does).
     */
    public boolean isAlive() {
        return !running || (thread != null && thread.isAlive());
    }

    public ConsumerState state() {
        return state;
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    private void run() {
        RecordProcessor processor = new RecordProcessor(handler, metrics, settings.maxAttempts());
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(settings.kafkaProperties())) {
                consumer = kafka;
                kafka.subscribe(List.of(settings.topic()));
                while (running) {
                    ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                    lastPoll = Instant.now();
                    state = ConsumerState.RUNNING;
                    if (!handleBatch(kafka, records, processor)) {
                        state = ConsumerState.RETRYING;
                        backoff.pause();
                    } else {
                        backoff.reset();
                    }
                    metrics.lag(lag(kafka));
                }
            } catch (WakeupException e) {
                // stop() asked the thread to end
            } catch (Exception e) {
                // Any failure, checked ones thrown through a proxy included: this thread is the only
                // consumer, so it reconnects rather than ends.
                if (running) {
                    state = ConsumerState.RETRYING;
                    LOG.log(Level.WARNING, "Order-events consumer failed; reconnecting after a backoff", e);
                    backoff.pause();
                }
            } finally {
                consumer = null;
            }
        }
        state = ConsumerState.STOPPED;
    }

    /**
     * Handles the batch in order and commits, in one request, the offsets after the records it
     * handled; false when it stopped at a record to retry (that record and the rest are polled again).
     * The whole batch is tried in one database transaction first; if that fails, record by record.
     * A crash before the offsets' commit redelivers the handled records, and their event ids make
     * them no-ops.
     */
    private boolean handleBatch(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records,
                                RecordProcessor processor) {
        if (records.count() > 1 && running) {
            List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
            records.forEach(all::add);
            if (processor.processAll(all)) {
                kafka.commitSync(nextOffsets(records));
                return true;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        try {
            for (int i = 0; i < partitions.size(); i++) {
                TopicPartition partition = partitions.get(i);
                for (ConsumerRecord<String, String> record : records.records(partition)) {
                    if (!running || !processor.process(record)) {
                        kafka.seek(partition, record.offset());
                        partitions.subList(i + 1, partitions.size()).forEach(later ->
                                kafka.seek(later, records.records(later).getFirst().offset()));
                        return !running;
                    }
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            return true;
        } finally {
            if (!handled.isEmpty()) {
                kafka.commitSync(handled);
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            next.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return next;
    }

    /** Records behind the end of each assigned partition, by partition number. */
    private static Map<Integer, Long> lag(KafkaConsumer<String, String> kafka) {
        Map<Integer, Long> lag = new HashMap<>();
        kafka.assignment().forEach(partition -> lag.put(partition.partition(), kafka.currentLag(partition).orElse(0)));
        return lag;
    }
}
