package homework.arch.orders.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.platform.db.NewestFirst;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.paging.Cursor;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The orders table. */
@ApplicationScoped
public class OrderRepository {

    private static final NewestFirst<Order> BY_USER = new NewestFirst<>(Order.class, "orders", "user_id",
            order -> new Cursor(order.createdAt(), order.id()));

    private final EntityManager entityManager;

    @Inject
    public OrderRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Order.class, id));
    }

    /**
     * Adds a new order unless an order with its id exists; false, with nothing written, if one does
     * (a concurrent request under the same id stored it first: this waits for that one to commit).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean addIfAbsent(Order order) {
        return entityManager.createNativeQuery("""
                        INSERT INTO orders (id, user_id, email, price, status, created_at, updated_at, traceparent, version)
                        VALUES (:id, :userId, :email, :price, :status, :createdAt, :updatedAt,
                                CAST(:traceparent AS varchar(55)), 0)
                        ON CONFLICT (id) DO NOTHING
                        """)
                .setParameter("id", order.id())
                .setParameter("userId", order.userId())
                .setParameter("email", order.email())
                .setParameter("price", order.price())
                .setParameter("status", order.status().name())
                .setParameter("createdAt", order.createdAt())
                .setParameter("updatedAt", order.updatedAt())
                .setParameter("traceparent", order.traceparent())
                .executeUpdate() == 1;
    }

    /**
     * Writes a {@code PENDING} order's final status, {@code settled} being the order as settled
     * ({@link Order#settled}); false, with nothing written, if it was not {@code PENDING} any more (a
     * concurrent attempt settled it). Style 1's settlement; the others write their event in the same
     * statement ({@code Outbox#settle}). Inside the caller's transaction only ({@code MANDATORY}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settleIfPending(Order settled) {
        return entityManager.createNativeQuery("""
                        UPDATE orders SET status = :status, updated_at = :updatedAt, version = version + 1
                         WHERE id = :orderId AND status = 'PENDING'
                        """)
                .setParameter("status", settled.status().name())
                .setParameter("updatedAt", settled.updatedAt())
                .setParameter("orderId", settled.id())
                .executeUpdate() == 1;
    }

    /** A page of a user's orders, newest first (index orders_by_user_newest_first). */
    public Page<Order> byUser(UUID userId, PageRequest request) {
        return BY_USER.page(entityManager, userId, request);
    }

    /**
     * Claims up to {@code limit} {@code PENDING} orders older than {@code minAge} whose next attempt
     * is due, and pushes each one's next attempt out by its exponential backoff (initial doubled per
     * attempt, at most max). The pushed-out time is also a lease: while it runs, no other instance
     * claims the order; if this instance dies, the order is claimed again after it. {@code SKIP
     * LOCKED} lets several instances claim at once without waiting for each other.
     */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> claimDue(Duration minAge, int limit, Duration backoffInitial, Duration backoffMax) {
        return entityManager.createNativeQuery("""
                        UPDATE orders
                           SET attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs =>
                                   least(:initial * power(2, least(attempts, 30)), :max))
                         WHERE id IN (SELECT id FROM orders
                                       WHERE status = 'PENDING'
                                         AND created_at <= now() - make_interval(secs => :minAge)
                                         AND next_attempt_at <= now()
                                       ORDER BY next_attempt_at
                                       LIMIT :limit
                                       FOR UPDATE SKIP LOCKED)
                        RETURNING id
                        """, UUID.class)
                .setParameter("initial", seconds(backoffInitial))
                .setParameter("max", seconds(backoffMax))
                .setParameter("minAge", seconds(minAge))
                .setParameter("limit", limit)
                .getResultList();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
