package homework.arch.notifications.messaging;

import java.time.Clock;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.persistence.NotificationRepository;
import homework.arch.notifications.persistence.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes the letter for an order event and records the event id, in one transaction: either both
 * are stored or neither. The consumer commits the record's offset only after this returns.
 */
@ApplicationScoped
public class OrderEventHandler {

    private final ProcessedEvents processed;
    private final NotificationRepository notifications;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public OrderEventHandler(ProcessedEvents processed, NotificationRepository notifications) {
        this.processed = processed;
        this.notifications = notifications;
    }

    /** True if a letter was written; false for an event already handled (same id, or the order's letter exists). */
    @Transactional
    public boolean handle(OrderEvent event) {
        if (!processed.markProcessed(event.eventId(), event.eventType())) {
            return false;
        }
        Notification letter = Notification.aboutOrder(event.order(), clock.instant());
        if (notifications.existsForOrder(letter.orderId(), letter.type())) {
            return false;
        }
        notifications.add(letter);
        return true;
    }
}
