package homework.arch.notifications.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import homework.arch.notifications.domain.Notification;
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
public class OrderEventHandler implements OrderEvents {

    private final ProcessedEvents processed;
    private final Clock clock;

    @Inject
    public OrderEventHandler(ProcessedEvents processed, Clock clock) {
        this.processed = processed;
        this.clock = clock;
    }

    /** In one transaction: all their letters are stored, or none. */
    @Override
    @Transactional
    public List<Boolean> handleAll(List<ReceivedOrderEvent> events) {
        List<Boolean> written = new ArrayList<>(events.size());
        for (ReceivedOrderEvent event : events) {
            written.add(handle(event));
        }
        return written;
    }

    /** Already handled: the same event id, or the order's letter exists. */
    @Override
    @Transactional
    public boolean handle(ReceivedOrderEvent event) {
        return processed.recordWithLetter(event.eventId(), event.eventType(),
                Notification.aboutOrder(event.order(), clock.instant()));
    }
}
