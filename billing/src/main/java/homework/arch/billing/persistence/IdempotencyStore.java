package homework.arch.billing.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The first outcome of each {@code (account, Idempotency-Key)}. A request claims its key before it
 * moves money, in the same transaction: a concurrent request with the same key blocks on the
 * primary key until the first commits (and then finds its outcome) or rolls back (and then claims
 * the key itself).
 */
@ApplicationScoped
public class IdempotencyStore {

    /** A key already claimed: the fingerprint of the request that claimed it and its outcome. */
    public record Claimed(String fingerprint, RecordedOutcome outcome) {
    }

    private final EntityManager entityManager;

    @Inject
    public IdempotencyStore(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True if this request now owns the key; false if an earlier request does. */
    public boolean claim(UUID userId, String key, String fingerprint) {
        return entityManager.createNativeQuery("""
                        INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                        VALUES (:userId, :key, :fingerprint, :createdAt) ON CONFLICT (user_id, idempotency_key) DO NOTHING""")
                .setParameter("userId", userId)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("createdAt", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate() == 1;
    }

    public Optional<Claimed> find(UUID userId, String key) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_type, response_body
                        FROM idempotency_keys WHERE user_id = :userId AND idempotency_key = :key""")
                .setParameter("userId", userId)
                .setParameter("key", key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Claimed((String) columns[0],
                    new RecordedOutcome(((Number) columns[1]).intValue(), (String) columns[2], (String) columns[3]));
        });
    }

    public void complete(UUID userId, String key, RecordedOutcome outcome) {
        entityManager.createNativeQuery("""
                        UPDATE idempotency_keys SET response_status = :status, response_type = :mediaType, response_body = :body
                        WHERE user_id = :userId AND idempotency_key = :key""")
                .setParameter("userId", userId)
                .setParameter("key", key)
                .setParameter("status", outcome.status())
                .setParameter("mediaType", outcome.mediaType())
                .setParameter("body", outcome.body())
                .executeUpdate();
    }
}
