package homework.arch.platform.messaging;

import java.time.Instant;
import java.util.List;

import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Records that could not be handled, kept as received (the dead-letter table); a record a re-drive
 * handled stays, marked {@code redriven_at}, and is no longer "parked".
 */
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

    /** Up to {@code limit} selected records still parked, lowest id first. */
    public List<ParkedEvent> stillParked(ParkedSelection selection, int limit) {
        Query query = entityManager.createNativeQuery("SELECT id, topic, partition_no, record_offset, record_key,"
                + " record_value, headers FROM parked_events WHERE redriven_at IS NULL"
                + " AND id BETWEEN :lowest AND :highest" + kind(selection) + " ORDER BY id LIMIT :limit");
        List<?> rows = selected(query, selection).setParameter("limit", limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new ParkedEvent(((Number) row[0]).longValue(),
                new ParkedRecord((String) row[1], ((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                        (String) row[4], (String) row[5], (String) row[6]))).toList();
    }

    /** How many selected records a re-drive has handled. */
    public long countRedriven(ParkedSelection selection) {
        return count(selection, "redriven_at IS NOT NULL", Long.MIN_VALUE);
    }

    /** How many selected records with an id above {@code afterId} are still parked. */
    public long countStillParkedAfter(ParkedSelection selection, long afterId) {
        return count(selection, "redriven_at IS NULL", afterId);
    }

    /** A re-drive handled the record: it is parked no longer and is never sent again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markRedriven(long id, Instant now) {
        entityManager.createNativeQuery("""
                        UPDATE parked_events SET redriven_at = :now, redrive_attempts = redrive_attempts + 1
                         WHERE id = :id AND redriven_at IS NULL
                        """)
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** A re-drive tried the record and it failed again: it stays parked, with the new reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markStillFailing(long id, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE parked_events SET reason = :reason, redrive_attempts = redrive_attempts + 1
                         WHERE id = :id AND redriven_at IS NULL
                        """)
                .setParameter("id", id)
                .setParameter("reason", reason)
                .executeUpdate();
    }

    private long count(ParkedSelection selection, String state, long afterId) {
        Query query = entityManager.createNativeQuery("SELECT count(*) FROM parked_events WHERE " + state
                + " AND id BETWEEN :lowest AND :highest AND id > :afterId" + kind(selection));
        return ((Number) selected(query, selection).setParameter("afterId", afterId).getSingleResult()).longValue();
    }

    private static String kind(ParkedSelection selection) {
        return selection.kind().isPresent() ? " AND event_type = :eventType" : "";
    }

    private static Query selected(Query query, ParkedSelection selection) {
        query.setParameter("lowest", selection.lowestId()).setParameter("highest", selection.highestId());
        selection.kind().ifPresent(kind -> query.setParameter("eventType", kind));
        return query;
    }
}
