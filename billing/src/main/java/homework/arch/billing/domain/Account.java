package homework.arch.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's account. Its balance only changes through single conditional updates in
 * the repository, never by writing this entity, so
 * that no read-check-write race exists; the database refuses a negative balance as a last guard.
 */
@Entity
@Table(name = "accounts")
public class Account {

    /** The largest balance {@code numeric(14,2)} holds. */
    public static final BigDecimal MAX_BALANCE = new BigDecimal("999999999999.99");

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "balance", nullable = false, precision = 14, scale = 2)
    private BigDecimal balance;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Account() {
    }

    /** A new, empty account. */
    public static Account open(UUID userId, Instant now) {
        Account account = new Account();
        account.userId = userId;
        account.balance = BigDecimal.ZERO.setScale(2);
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    public UUID userId() {
        return userId;
    }

    public BigDecimal balance() {
        return balance;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
