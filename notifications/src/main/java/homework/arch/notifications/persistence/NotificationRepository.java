package homework.arch.notifications.persistence;

import java.util.Optional;
import java.util.UUID;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.NotificationType;
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

    /**
     * Stores a letter about an order unless the order has its letter of that type, in the caller's
     * transaction; false, with nothing written, if it has (a concurrent one waits for the first to commit).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addUnlessOrderHasIt(Notification letter) {
        return entityManager.createNativeQuery("""
                        INSERT INTO notifications (id, user_id, email, order_id, type, subject, body, created_at)
                        VALUES (:id, :userId, :email, :orderId, :type, :subject, :body, :createdAt)
                        ON CONFLICT (order_id, type) WHERE order_id IS NOT NULL DO NOTHING
                        """)
                .setParameter("id", letter.id())
                .setParameter("userId", letter.userId())
                .setParameter("email", letter.email())
                .setParameter("orderId", letter.orderId())
                .setParameter("type", letter.type().name())
                .setParameter("subject", letter.subject())
                .setParameter("body", letter.body())
                .setParameter("createdAt", letter.createdAt())
                .executeUpdate() == 1;
    }

    /** The order's letter of that type, if stored. */
    public Optional<Notification> aboutOrder(UUID orderId, NotificationType type) {
        return entityManager.createQuery("SELECT n FROM Notification n WHERE n.orderId = :orderId AND n.type = :type",
                        Notification.class)
                .setParameter("orderId", orderId)
                .setParameter("type", type)
                .getResultStream().findFirst();
    }

    /** A page of a user's letters, newest first (index notifications_by_user_newest_first). */
    public Page<Notification> byUser(UUID userId, PageRequest request) {
        return BY_USER.page(entityManager, userId, request);
    }
}
