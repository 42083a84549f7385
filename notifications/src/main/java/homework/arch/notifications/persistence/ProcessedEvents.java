package homework.arch.notifications.persistence;

import java.util.UUID;

import homework.arch.notifications.domain.Notification;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The ids of events already handled: the idempotent consumer's memory. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    @Inject
    public ProcessedEvents(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records {@code eventId} as handled and stores its {@code letter}, in one statement in the
     * caller's transaction; true if the letter was written. False, with nothing written, for an
     * event already handled (a redelivery; a concurrent duplicate waits on the primary key and then
     * also sees false); false, with the event recorded, when the order already has this letter (one
     * letter of each kind per order, whatever the events' ids).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordWithLetter(UUID eventId, String eventType, Notification letter) {
        return entityManager.createNativeQuery("""
                        WITH first AS (
                            INSERT INTO processed_events (event_id, event_type) VALUES (:eventId, :eventType)
                            ON CONFLICT (event_id) DO NOTHING
                            RETURNING event_id)
                        INSERT INTO notifications (id, user_id, email, order_id, type, subject, body, created_at)
                        SELECT :id, :userId, :email, :orderId, :type, :subject, :body, :createdAt FROM first
                        ON CONFLICT (order_id, type) WHERE order_id IS NOT NULL DO NOTHING
                        """)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
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
}
