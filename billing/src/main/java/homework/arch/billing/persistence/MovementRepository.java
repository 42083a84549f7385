package homework.arch.billing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.Account;
import homework.arch.billing.domain.Movement;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Money movements, each one statement: a conditional {@code UPDATE} of the balance, whose row lock
 * serialises concurrent changes of the account and whose {@code WHERE} clause is the rule (never
 * below zero, never above {@link Account#MAX_BALANCE}), and the ledger entry inserted from the
 * balance that {@code UPDATE} returned, so there is no window between checking a balance, changing
 * it and recording the change. Under an idempotency key the same statement first claims the key.
 */
@ApplicationScoped
public class MovementRepository {

    /**
     * The balance change and its ledger entry; {@code %s} takes a further condition on the change.
     * The entry's time is the database's clock once the account's row is locked, so an account's
     * entries are in the order of their changes, whichever replica of billing wrote them.
     */
    private static final String MOVE = """
            moved AS (
                UPDATE accounts SET balance = balance + :delta, updated_at = now()
                 WHERE user_id = :userId AND balance + :delta BETWEEN 0 AND :max%s
                RETURNING balance),
            entry AS (
                INSERT INTO ledger_entries (id, user_id, type, amount, balance_after, order_id, created_at)
                SELECT :entryId, :userId, :type, :amount, balance, CAST(:orderId AS uuid), clock_timestamp() FROM moved
                RETURNING balance_after, created_at)
            """;

    /**
     * The key is claimed only for an existing account (its foreign key), and only by the first
     * request: a concurrent one with the same key waits on the key's primary key until the first
     * commits, then claims nothing and moves nothing.
     */
    private static final String CLAIM = """
            claim AS (
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                SELECT user_id, :key, :fingerprint, now() FROM accounts WHERE user_id = :userId
                ON CONFLICT (user_id, idempotency_key) DO NOTHING
                RETURNING user_id),
            """;

    /** A movement applied: the balance it left and the time of its ledger entry. */
    public record Moved(BigDecimal balance, Instant at) {
    }

    /** What a movement under a key did: whether it claimed the key, and the movement if money moved. */
    public record Claimed(boolean claimed, Optional<Moved> moved) {
    }

    private final EntityManager entityManager;

    @Inject
    public MovementRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies the movement as entry {@code entryId}; empty if the rule refused it (or no account). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Moved> move(UUID userId, Movement movement, UUID entryId) {
        Query move = entityManager.createNativeQuery("WITH " + MOVE.formatted("")
                + "SELECT balance_after, created_at FROM entry");
        return bind(move, userId, movement, entryId).getResultList().stream().findFirst()
                .map(row -> moved((Object[]) row, 0));
    }

    /**
     * Claims {@code (userId, key)} with the request's fingerprint and, if this call claimed it,
     * applies the movement as entry {@code entryId}. Not claimed: the key was claimed before, or
     * there is no account.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claimed claimAndMove(UUID userId, String key, String fingerprint, Movement movement, UUID entryId) {
        Query move = entityManager.createNativeQuery("WITH " + CLAIM + MOVE.formatted(" AND EXISTS (SELECT FROM claim)")
                        + "SELECT EXISTS (SELECT FROM claim), balance_after, created_at FROM (SELECT 1) AS one"
                        + " LEFT JOIN entry ON true")
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint);
        Object[] row = (Object[]) bind(move, userId, movement, entryId).getResultList().getFirst();
        return new Claimed((Boolean) row[0], row[1] == null ? Optional.empty() : Optional.of(moved(row, 1)));
    }

    private static Moved moved(Object[] row, int from) {
        Object at = row[from + 1];
        Instant instant = switch (at) {
            case Instant value -> value;
            case java.sql.Timestamp value -> value.toInstant();
            case java.time.OffsetDateTime value -> value.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + at.getClass());
        };
        return new Moved((BigDecimal) row[from], instant);
    }

    private static Query bind(Query move, UUID userId, Movement movement, UUID entryId) {
        return move.setParameter("delta", movement.delta())
                .setParameter("userId", userId)
                .setParameter("max", Account.MAX_BALANCE)
                .setParameter("entryId", entryId)
                .setParameter("type", movement.type().name())
                .setParameter("amount", movement.amount().value())
                .setParameter("orderId", movement.orderId() == null ? null : movement.orderId().toString());
    }
}
