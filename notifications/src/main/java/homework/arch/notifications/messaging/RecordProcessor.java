package homework.arch.notifications.messaging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import homework.arch.notifications.application.OrderEvents;
import homework.arch.notifications.application.ReceivedOrderEvent;
import homework.arch.notifications.domain.NotificationType;
import homework.arch.notifications.domain.ParkedRecord;
import homework.arch.notifications.domain.RedriveResult;
import homework.arch.notifications.domain.SettledOrder;
import homework.arch.platform.db.DatabaseFailures;
import homework.arch.platform.trace.Tracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one record: parse, write the letter (or see it was written), or park it. Says whether
 * the record is done (its offset may be committed) or must be tried again later. Only a record at
 * fault is parked: unparsable or invalid at once, or failing {@code maxAttempts} times for a reason
 * of its own; a record that fails because the database is away waits for it. A polled batch is
 * first tried whole ({@link #processAll}); only when that fails does each record go on its own.
 */
final class RecordProcessor {

    private static final Logger LOG = System.getLogger(RecordProcessor.class.getName());

    private final OrderEvents handler;
    private final NotificationMetrics metrics;
    private final int maxAttempts;
    private final Map<String, Integer> attempts = new HashMap<>();

    RecordProcessor(OrderEvents handler, NotificationMetrics metrics, int maxAttempts) {
        this.handler = handler;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
    }

    /** True when the record is done with; false when it must be tried again (nothing was committed). */
    boolean process(ConsumerRecord<String, String> record) {
        ReceivedOrderEvent event;
        try {
            event = OrderEventParser.parse(record);
        } catch (PoisonRecordException e) {
            return park(record, e.getMessage());
        }
        try (Tracing.Scope trace = Tracing.continueOrStart(event.traceparent())) {
            return handle(record, event);
        }
    }

    /**
     * Handles the records in one transaction, if every one of them parses and none fails: true when
     * all are done. False when that was not possible, with nothing of it committed: each record must
     * then go through {@link #process} on its own, which parks or retries just the one at fault.
     */
    boolean processAll(List<ConsumerRecord<String, String>> records) {
        List<ReceivedOrderEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(OrderEventParser.parse(record));
            } catch (PoisonRecordException e) {
                return false;
            }
        }
        List<Boolean> written;
        try {
            written = handler.handleAll(events);
        } catch (Exception e) {
            // Exception: a failed commit is the checked RollbackException (see handle below).
            LOG.log(Level.DEBUG, "A batch of {0} records failed; handling them one by one: {1}", records.size(),
                    e.toString());
            return false;
        }
        for (int i = 0; i < records.size(); i++) {
            try (Tracing.Scope trace = Tracing.continueOrStart(events.get(i).traceparent())) {
                handled(records.get(i), events.get(i), written.get(i));
            }
        }
        return true;
    }

    /**
     * One more try of the parked record {@code parkedId}, the way {@link #process} tries a polled one:
     * the same parsing and handling, but once: not retried, not counted towards parking, and not
     * parked again (it is parked already). The database away is no outcome: thrown, as it came.
     */
    RedriveResult replay(long parkedId, ConsumerRecord<String, String> record) {
        ReceivedOrderEvent event;
        try {
            event = OrderEventParser.parse(record);
        } catch (PoisonRecordException e) {
            return RedriveResult.stillFailing(parkedId, e.getMessage());
        }
        try (Tracing.Scope trace = Tracing.continueOrStart(event.traceparent())) {
            boolean written;
            try {
                written = handler.handle(event);
            } catch (Exception e) {
                // Exception: a failed commit is the checked RollbackException (see handle below).
                if (DatabaseFailures.transientFailure(e)) {
                    throw new IllegalStateException("Parked record " + parkedId + " waits for the database", e);
                }
                LOG.log(Level.WARNING, "Parked record " + parkedId + " (event " + event.eventId() + ") failed again", e);
                return RedriveResult.stillFailing(parkedId, "failed when re-driven: " + e);
            }
            counted(event, position(record), written);
            return RedriveResult.handled(parkedId, written);
        }
    }

    /** Under the trace of the request that settled the order, so the letter's log lines carry its id. */
    private boolean handle(ConsumerRecord<String, String> record, ReceivedOrderEvent event) {
        try {
            handled(record, event, handler.handle(event));
            return true;
        } catch (Exception e) {
            // Exception, not RuntimeException: a commit that fails reaches us as the checked
            // jakarta.transaction.RollbackException, thrown through the @Transactional proxy although
            // handle() does not declare it. Letting it pass would end the consumer thread.
            String position = position(record);
            metrics.retried();
            if (DatabaseFailures.transientFailure(e)) {
                // The database is away or restarting, not the record at fault: tried again (with the
                // consumer's backoff) until it succeeds, however long that takes. Counting these
                // towards parking would park good events during an outage and lose their letters.
                LOG.log(Level.WARNING, "Event {0} at {1} waits for the database: {2}", event.eventId(), position,
                        e.toString());
                return false;
            }
            int attempt = attempts.merge(position, 1, Integer::sum);
            LOG.log(Level.WARNING, "Event " + event.eventId() + " at " + position + " failed (attempt " + attempt + ")", e);
            if (attempt >= maxAttempts && park(record, "failed " + attempt + " times: " + e)) {
                attempts.remove(position);
                return true;
            }
            return false;
        }
    }

    /** After the commit: the letter's metrics and log line, or the duplicate's. */
    private void handled(ConsumerRecord<String, String> record, ReceivedOrderEvent event, boolean written) {
        String position = position(record);
        counted(event, position, written);
        attempts.remove(position);
    }

    private void counted(ReceivedOrderEvent event, String position, boolean written) {
        if (written) {
            SettledOrder order = event.order();
            NotificationType type = order.outcome().letterType();
            metrics.letterWritten(type, Duration.between(order.occurredAt(), Instant.now()));
            LOG.log(Level.INFO, () -> type + " letter about order " + order.orderId() + " stored for user "
                    + order.userId() + " (event " + event.eventId() + " at " + position + ")");
        } else {
            metrics.duplicateSkipped();
            LOG.log(Level.DEBUG, "Event {0} at {1} was handled before; skipped", event.eventId(), position);
        }
    }

    private static String position(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private boolean park(ConsumerRecord<String, String> record, String reason) {
        ParkedRecord parked = ParkedRecords.of(record);
        try {
            handler.park(parked, reason);
            metrics.parked();
            LOG.log(Level.WARNING, "Parked record {0}-{1}@{2} (headers {3}): {4}", record.topic(), record.partition(),
                    record.offset(), parked.headers(), reason);
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not park record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + "; will retry", e);
            return false;
        }
    }
}
