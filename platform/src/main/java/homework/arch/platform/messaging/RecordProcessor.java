package homework.arch.platform.messaging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import homework.arch.platform.db.DatabaseFailures;
import homework.arch.platform.trace.Tracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one record: read it, have its effect (or see it was had before), skip it when it is not
 * for this service, or park it. Says whether the record is done (its offset may be committed) or
 * must be tried again later. Only a record at fault is parked: unreadable or invalid at once, or
 * failing {@code maxAttempts} times for a reason of its own; a record that fails because the
 * database is away waits for it. A polled batch is first tried whole ({@link #processAll}); only
 * when that fails does each record go on its own.
 *
 * @param <E> the subscription's events
 */
final class RecordProcessor<E> {

    private static final Logger LOG = System.getLogger(RecordProcessor.class.getName());

    /** A record read: its envelope and, unless it is skipped, its event. */
    private record Read<E>(EventRecord record, Optional<E> event) {
    }

    /** Where a poison record goes (the dead-letter table); a stand-in in unit tests. */
    interface Parking {
        void park(ParkedRecord record, String reason);
    }

    private final EventSubscription<E> subscription;
    private final Parking parking;
    private final ConsumerMetrics metrics;
    private final int maxAttempts;
    private final Map<String, Integer> attempts = new HashMap<>();

    RecordProcessor(EventSubscription<E> subscription, Parking parking, ConsumerMetrics metrics, int maxAttempts) {
        this.subscription = subscription;
        this.parking = parking;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
    }

    /** True when the record is done with; false when it must be tried again (nothing was committed). */
    boolean process(ConsumerRecord<String, String> record) {
        Read<E> read;
        try {
            read = read(record);
        } catch (PoisonRecordException e) {
            return park(record, e.getMessage());
        }
        if (read.event().isEmpty()) {
            return true;
        }
        try (Tracing.Scope trace = Tracing.continueOrStart(read.record().traceparent())) {
            return handle(record, read);
        }
    }

    /**
     * Handles the records in one transaction, if every one of them reads and none fails: true when
     * all are done. False when that was not possible, with nothing of it committed: each record must
     * then go through {@link #process} on its own, which parks or retries just the one at fault.
     * Records not for this service are left out of the transaction.
     */
    boolean processAll(List<ConsumerRecord<String, String>> records) {
        List<Read<E>> reads = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                Read<E> read = read(record);
                if (read.event().isPresent()) {
                    reads.add(read);
                }
            } catch (PoisonRecordException e) {
                return false;
            }
        }
        if (reads.isEmpty()) {
            return true;
        }
        List<Boolean> effects;
        try {
            effects = subscription.handleAll(reads.stream().map(read -> read.event().orElseThrow()).toList());
        } catch (Exception e) {
            // Exception: a failed commit is the checked RollbackException (see handle below).
            LOG.log(Level.DEBUG, "A batch of {0} records failed; handling them one by one: {1}", records.size(),
                    e.toString());
            return false;
        }
        for (int i = 0; i < reads.size(); i++) {
            try (Tracing.Scope trace = Tracing.continueOrStart(reads.get(i).record().traceparent())) {
                handled(reads.get(i), effects.get(i));
            }
        }
        return true;
    }

    /**
     * One more try of the parked record {@code parkedId}, the way {@link #process} tries a polled one:
     * the same reading and handling, but once: not retried, not counted towards parking, and not
     * parked again (it is parked already). The database away is no outcome: thrown, as it came.
     */
    RedriveResult replay(long parkedId, ConsumerRecord<String, String> record) {
        Read<E> read;
        try {
            read = read(record);
        } catch (PoisonRecordException e) {
            return RedriveResult.stillFailing(parkedId, e.getMessage());
        }
        if (read.event().isEmpty()) {
            return RedriveResult.handled(parkedId, false);
        }
        try (Tracing.Scope trace = Tracing.continueOrStart(read.record().traceparent())) {
            boolean effect;
            try {
                effect = subscription.handle(read.event().get());
            } catch (Exception e) {
                // Exception: a failed commit is the checked RollbackException (see handle below).
                if (DatabaseFailures.transientFailure(e)) {
                    throw new IllegalStateException("Parked record " + parkedId + " waits for the database", e);
                }
                LOG.log(Level.WARNING, "Parked record " + parkedId + " (event " + read.record().eventId()
                        + ") failed again", e);
                return RedriveResult.stillFailing(parkedId, "failed when re-driven: " + e);
            }
            counted(read, effect);
            return RedriveResult.handled(parkedId, effect);
        }
    }

    private Read<E> read(ConsumerRecord<String, String> record) throws PoisonRecordException {
        EventRecord envelope = EventRecord.of(record);
        try {
            return new Read<>(envelope, subscription.read(envelope));
        } catch (RuntimeException e) {
            throw new PoisonRecordException("invalid event: " + e.getMessage(), e);
        }
    }

    /** Under the trace of the request that caused the event, so the effect's log lines carry its id. */
    private boolean handle(ConsumerRecord<String, String> record, Read<E> read) {
        try {
            handled(read, subscription.handle(read.event().orElseThrow()));
            return true;
        } catch (Exception e) {
            // Exception, not RuntimeException: a commit that fails reaches us as the checked
            // jakarta.transaction.RollbackException, thrown through the @Transactional proxy although
            // handle() does not declare it. Letting it pass would end the consumer thread.
            String position = read.record().position();
            metrics.retried();
            if (DatabaseFailures.transientFailure(e)) {
                // The database is away or restarting, not the record at fault: tried again (with the
                // consumer's backoff) until it succeeds, however long that takes. Counting these
                // towards parking would park good events during an outage and lose their effects.
                LOG.log(Level.WARNING, "Event {0} at {1} waits for the database: {2}", read.record().eventId(),
                        position, e.toString());
                return false;
            }
            int attempt = attempts.merge(position, 1, Integer::sum);
            LOG.log(Level.WARNING, "Event " + read.record().eventId() + " at " + position + " failed (attempt "
                    + attempt + ")", e);
            if (attempt >= maxAttempts && park(record, "failed " + attempt + " times: " + e)) {
                attempts.remove(position);
                return true;
            }
            return false;
        }
    }

    /** After the commit: the service's metrics and log line, or the duplicate's. */
    private void handled(Read<E> read, boolean effect) {
        counted(read, effect);
        attempts.remove(read.record().position());
    }

    private void counted(Read<E> read, boolean effect) {
        if (effect) {
            subscription.handled(read.event().orElseThrow(), read.record());
        } else {
            metrics.duplicateSkipped();
            LOG.log(Level.DEBUG, "Event {0} at {1} was handled before; skipped", read.record().eventId(),
                    read.record().position());
        }
    }

    private boolean park(ConsumerRecord<String, String> record, String reason) {
        ParkedRecord parked = ParkedRecords.of(record);
        try {
            parking.park(parked, reason);
            metrics.parked();
            LOG.log(Level.WARNING, "Parked record {0} (headers {1}): {2}", EventRecord.position(record),
                    parked.headers(), reason);
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not park record " + EventRecord.position(record) + "; will retry", e);
            return false;
        }
    }
}
