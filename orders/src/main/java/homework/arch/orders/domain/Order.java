package homework.arch.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import homework.arch.platform.money.Amount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An order of one user for one price, an {@link Amount}. The price is fixed at creation and is what billing charges.
 * It is {@code PENDING} until billing's answer settles it ({@link #settled}), once.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    /** Where the letter about this order goes: the address the user registered with. */
    @Column(nullable = false, updatable = false)
    private String email;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The W3C {@code traceparent} of the request that placed it: the settler and the event continue that trace. */
    @Column(updatable = false, length = 55)
    private String traceparent;

    @Version
    private long version;

    protected Order() {
    }

    private Order(UUID id, UUID userId, String email, BigDecimal price, Instant now, String traceparent) {
        this.id = Objects.requireNonNull(id);
        this.userId = Objects.requireNonNull(userId);
        this.email = Objects.requireNonNull(email);
        this.price = new Amount(price).value();
        this.status = OrderStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = createdAt;
        this.traceparent = traceparent;
    }

    /** A new order, not yet charged; {@code traceparent} may be null (no trace). */
    public static Order place(UUID id, UUID userId, String email, BigDecimal price, Instant now, String traceparent) {
        return new Order(id, userId, email, price, now, traceparent);
    }

    /**
     * This order as billing's answer settles it, {@code PAID} or {@code CANCELLED}, as a new object:
     * this one stays as it was read, for the caller to fall back on when another attempt settled it first.
     */
    public Order settled(OrderStatus outcome, Instant now) {
        if (status.isFinal()) {
            throw new IllegalOrderTransitionException(id, status, outcome);
        }
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException("Settling needs a final status, not " + outcome);
        }
        Order next = new Order(id, userId, email, price, createdAt, traceparent);
        next.version = version + 1;
        next.status = outcome;
        next.updatedAt = now;
        return next;
    }

    /** Whether a repeated request for this order id asks for the very same order. */
    public boolean sameContent(UUID otherUserId, BigDecimal otherPrice) {
        return userId.equals(otherUserId) && price.compareTo(otherPrice) == 0;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public BigDecimal price() {
        return price;
    }

    public OrderStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String traceparent() {
        return traceparent;
    }
}
