package homework.arch.billing.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    public record Claimed(String fingerprint, StoredResponse response) {
    }

    @Inject
    @ServiceDatabase.Shared
    private EntityManager em;

    /** True if this request now owns the key; false if an earlier request does. */
    public boolean claim(UUID userId, String key, String fingerprint) {
        return em.createNativeQuery("""
                        INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_id, idempotency_key) DO NOTHING""")
                .setParameter(1, userId)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate() == 1;
    }

    public Optional<Claimed> find(UUID userId, String key) {
        List<?> rows = em.createNativeQuery("""
                        SELECT request_hash, response_status, response_type, response_body
                        FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2""")
                .setParameter(1, userId)
                .setParameter(2, key)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Claimed((String) columns[0],
                    new StoredResponse(((Number) columns[1]).intValue(), (String) columns[2], (String) columns[3]));
        });
    }

    public void complete(UUID userId, String key, StoredResponse response) {
        em.createNativeQuery("""
                        UPDATE idempotency_keys SET response_status = ?3, response_type = ?4, response_body = ?5
                        WHERE user_id = ?1 AND idempotency_key = ?2""")
                .setParameter(1, userId)
                .setParameter(2, key)
                .setParameter(3, response.status())
                .setParameter(4, response.mediaType())
                .setParameter(5, response.body())
                .executeUpdate();
    }
}
