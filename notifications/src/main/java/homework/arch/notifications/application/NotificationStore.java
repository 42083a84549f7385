package homework.arch.notifications.application;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.persistence.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The transactional side of sending a message: one short transaction, after users has answered. */
@ApplicationScoped
public class NotificationStore {

    private final NotificationRepository notifications;

    @Inject
    public NotificationStore(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public Notification add(Notification notification) {
        notifications.add(notification);
        return notification;
    }
}
