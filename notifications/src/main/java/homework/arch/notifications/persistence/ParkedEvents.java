package homework.arch.notifications.persistence;

import homework.arch.notifications.domain.ParkedRecord;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records that could not be handled, kept as received (the dead-letter table). */
@ApplicationScoped
public class ParkedEvents {

    private final EntityManager entityManager;

    @Inject
    public ParkedEvents(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Parks a record once, in the caller's transaction; parking the same record again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void park(ParkedRecord record, String reason) {
        entityManager.createNativeQuery("""
                        INSERT INTO parked_events (topic, partition_no, record_offset, record_key, record_value, headers, reason)
                        VALUES (:topic, :partition, :offset, :key, :value, :headers, :reason)
                        ON CONFLICT (topic, partition_no, record_offset) DO NOTHING
                        """)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("key", record.key())
                .setParameter("value", record.value())
                .setParameter("headers", record.headers())
                .setParameter("reason", reason)
                .executeUpdate();
    }
}
