package homework.arch.notifications.application;

import java.time.Clock;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.SettledOrder;
import homework.arch.notifications.persistence.NotificationRepository;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Style 1: the letter about a settled order, asked for by orders over HTTP rather than announced by
 * an event; the same letter ({@link Notification#aboutOrder}) and the same one-per-order rule as the
 * consumer's.
 */
@ApplicationScoped
@InStyles(Style.HTTP_ONLY)
public class OrderLetters {

    private final NotificationRepository notifications;
    private final Clock clock;

    @Inject
    public OrderLetters(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Created when stored now; found, the one stored before, when the order has its letter already. */
    @Transactional
    public Stored<Notification> store(SettledOrder order) {
        Notification letter = Notification.aboutOrder(order, clock.instant());
        if (notifications.addUnlessOrderHasIt(letter)) {
            return Stored.created(letter);
        }
        return Stored.found(notifications.aboutOrder(letter.orderId(), letter.type()).orElseThrow());
    }
}
