package homework.arch.notifications.application;

import java.time.Clock;
import java.util.UUID;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.UserNotFoundException;
import homework.arch.notifications.persistence.NotificationRepository;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import homework.arch.users.lookup.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A user's letters, and messages sent to a user's registered address. The address is read from
 * users first, outside any transaction (no database connection is held while users answers), then
 * the letter is stored; when users cannot be asked, nothing is stored ({@code UnavailableException}).
 */
@ApplicationScoped
public class NotificationService {

    private final Users users;
    private final NotificationStore store;
    private final NotificationRepository notifications;
    private final Clock clock;

    @Inject
    public NotificationService(Users users, NotificationStore store, NotificationRepository notifications,
                               Clock clock) {
        this.users = users;
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Notification send(UUID userId, String subject, String body) {
        String email = users.find(userId).orElseThrow(() -> new UserNotFoundException(userId)).email();
        return store.add(Notification.message(userId, email, subject, body, clock.instant()));
    }

    /** A page of the user's letters, newest first. */
    public Page<Notification> ofUser(UUID userId, PageRequest page) {
        return notifications.byUser(userId, page);
    }
}
