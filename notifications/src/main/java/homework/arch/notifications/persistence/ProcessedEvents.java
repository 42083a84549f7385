package homework.arch.notifications.persistence;

import java.util.UUID;

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
     * Records {@code eventId} as handled in the caller's transaction; false if it was already (a
     * redelivery). A concurrent duplicate waits on the primary key and then also sees false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String eventType) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_events (event_id, event_type) VALUES (:id, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate() == 1;
    }
}
