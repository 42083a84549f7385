package homework.arch.platform.messaging;

import java.util.UUID;

import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The ids of the events a service has handled ({@code processed_events}): the idempotent consumer's
 * memory, written in the same transaction as the event's effect, so that a redelivered event finds
 * its id and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    @Inject
    public ProcessedEvents(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records {@code eventId} as handled, in the caller's transaction: true the first time, false for
     * an event handled before (a concurrent copy waits on the primary key, then also sees false).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean first(UUID eventId, String eventType) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_events (event_id, event_type) VALUES (:eventId, :eventType)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .executeUpdate() == 1;
    }
}
