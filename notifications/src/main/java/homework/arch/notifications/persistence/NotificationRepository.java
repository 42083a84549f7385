package homework.arch.notifications.persistence;

import java.util.List;
import java.util.UUID;

import homework.arch.notifications.domain.Notification;
import homework.arch.notifications.domain.NotificationType;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The notifications table. */
@ApplicationScoped
public class NotificationRepository {

    private final EntityManager entityManager;

    @Inject
    public NotificationRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a letter, in the caller's transaction. */
    public void add(Notification notification) {
        entityManager.persist(notification);
        entityManager.flush();
    }

    public List<Notification> byUser(UUID userId) {
        return entityManager.createQuery("select n from Notification n where n.userId = :userId"
                        + " order by n.createdAt desc, n.id", Notification.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    public boolean existsForOrder(UUID orderId, NotificationType type) {
        return !entityManager.createQuery("select n.id from Notification n where n.orderId = :orderId and n.type = :type",
                        UUID.class)
                .setParameter("orderId", orderId)
                .setParameter("type", type)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
