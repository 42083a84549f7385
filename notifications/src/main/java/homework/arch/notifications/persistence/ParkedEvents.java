package homework.arch.notifications.persistence;

import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records that could not be handled, kept as received (the dead-letter table). */
@ApplicationScoped
public class ParkedEvents {

    /** A record as it came from the broker, headers rendered as text. */
    public record ParkedRecord(String topic, int partition, long offset, String key, String value, String headers) {
    }

    @Inject
    @ServiceDatabase.Shared
    EntityManager entityManager;

    /** Parks a record once; parking the same record again (after a redelivery) changes nothing. */
    @Transactional
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
