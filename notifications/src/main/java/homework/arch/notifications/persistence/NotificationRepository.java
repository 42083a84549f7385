package homework.arch.notifications.persistence;

import java.util.UUID;

import homework.arch.notifications.domain.Notification;
import homework.arch.platform.db.NewestFirst;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.paging.Cursor;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The notifications table. */
@ApplicationScoped
public class NotificationRepository {

    private static final NewestFirst<Notification> BY_USER = new NewestFirst<>(Notification.class, "notifications",
            "user_id", letter -> new Cursor(letter.createdAt(), letter.id()));

    private final EntityManager entityManager;

    @Inject
    public NotificationRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a letter, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Notification notification) {
        entityManager.persist(notification);
        entityManager.flush();
    }

    /** A page of a user's letters, newest first (index notifications_by_user_newest_first). */
    public Page<Notification> byUser(UUID userId, PageRequest request) {
        return BY_USER.page(entityManager, userId, request);
    }
}
