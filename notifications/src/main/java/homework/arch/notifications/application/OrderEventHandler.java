package homework.arch.notifications.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.ParkedRecord;
import homework.arch.notifications.persistence.ParkedEvents;
import homework.arch.notifications.persistence.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes the letter for an order event and records the event id, in one transaction: either both
 * are stored or neither. The consumer commits the record's offset only after this returns.
 * {@link #handleAll} does the same for a polled batch in one transaction, so that a busy consumer
 * waits for one commit per batch, not one per letter.
 */
@ApplicationScoped
public class OrderEventHandler {

    private final ProcessedEvents processed;
    private final ParkedEvents parked;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public OrderEventHandler(ProcessedEvents processed, ParkedEvents parked) {
        this.processed = processed;
        this.parked = parked;
    }

    /**
     * Handles the events in their order, in one transaction: all their letters are stored, or none.
     * For each event, whether a letter was written.
     */
    @Transactional
    public List<Boolean> handleAll(List<ReceivedOrderEvent> events) {
        List<Boolean> written = new ArrayList<>(events.size());
        for (ReceivedOrderEvent event : events) {
            written.add(handle(event));
        }
        return written;
    }

    /** True if a letter was written; false for an event already handled (same id, or the order's letter exists). */
    @Transactional
    public boolean handle(ReceivedOrderEvent event) {
        return processed.recordWithLetter(event.eventId(), event.eventType(),
                Notification.aboutOrder(event.order(), clock.instant()));
    }

    /** Keeps a record that cannot be handled (the dead-letter table), in a transaction of its own. */
    @Transactional
    public void park(ParkedRecord record, String reason) {
        parked.park(record, reason);
    }
}
