package homework.arch.billing.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The first outcome of each {@code (account, Idempotency-Key)}. A request claims its key in the
 * statement that moves the money ({@link MovementRepository#claimAndMove}): a concurrent request
 * with the same key blocks on the primary key until the first commits (and then finds its outcome
 * here) or rolls back (and then claims the key itself).
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

    @Transactional(Transactional.TxType.MANDATORY)
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
