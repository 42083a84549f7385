package homework.arch.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One movement of money, immutable once written; {@code seq} orders an account's entries. */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "seq")
    private Long seq;

    @Column(name = "id", nullable = false, unique = true)
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    private MovementType type;

    @Column(name = "amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal amount;

    @Column(name = "balance_after", nullable = false, precision = 14, scale = 2)
    private BigDecimal balanceAfter;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    /** The entry {@code id} that {@code movement} wrote at {@code createdAt}, leaving the balance at {@code balanceAfter}. */
    public static LedgerEntry of(UUID id, UUID userId, Movement movement, BigDecimal balanceAfter, Instant createdAt) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = id;
        entry.userId = userId;
        entry.type = movement.type();
        entry.amount = movement.amount().value();
        entry.balanceAfter = balanceAfter;
        entry.orderId = movement.orderId();
        entry.createdAt = createdAt;
        return entry;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public MovementType type() {
        return type;
    }

    public BigDecimal amount() {
        return amount;
    }

    public BigDecimal balanceAfter() {
        return balanceAfter;
    }

    public UUID orderId() {
        return orderId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
