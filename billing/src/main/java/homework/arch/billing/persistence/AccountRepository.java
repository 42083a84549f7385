package homework.arch.billing.persistence;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.Account;
import homework.arch.billing.domain.Amount;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Accounts and their balances. Each balance change is one conditional {@code UPDATE}: the row lock
 * it takes serialises concurrent changes, and its {@code WHERE} clause is the rule, so there is no
 * window between checking a balance and changing it.
 */
@ApplicationScoped
public class AccountRepository {

    private final EntityManager entityManager;

    @Inject
    public AccountRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Account> find(UUID userId) {
        return Optional.ofNullable(entityManager.find(Account.class, userId));
    }

    public boolean exists(UUID userId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM accounts WHERE user_id = :userId")
                .setParameter("userId", userId).getResultList().isEmpty();
    }

    /** Inserts the account unless one exists for the user (concurrent openers included); true if inserted. */
    public boolean openIfAbsent(Account account) {
        return entityManager.createNativeQuery("""
                        INSERT INTO accounts (user_id, balance, created_at, updated_at) VALUES (:userId, :balance, :createdAt, :createdAt)
                        ON CONFLICT (user_id) DO NOTHING""")
                .setParameter("userId", account.userId())
                .setParameter("balance", account.balance())
                .setParameter("createdAt", account.createdAt())
                .executeUpdate() == 1;
    }

    /** Takes the amount if the balance covers it; the new balance, or empty if it does not (or no account). */
    public Optional<BigDecimal> withdraw(UUID userId, Amount amount) {
        return newBalance(entityManager.createNativeQuery("""
                        UPDATE accounts SET balance = balance - :amount, updated_at = now()
                        WHERE user_id = :userId AND balance >= :amount
                        RETURNING balance""")
                .setParameter("amount", amount.value())
                .setParameter("userId", userId));
    }

    /** Adds the amount unless the balance would pass its limit; the new balance, or empty (or no account). */
    public Optional<BigDecimal> deposit(UUID userId, Amount amount) {
        return newBalance(entityManager.createNativeQuery("""
                        UPDATE accounts SET balance = balance + :amount, updated_at = now()
                        WHERE user_id = :userId AND balance + :amount <= :max
                        RETURNING balance""")
                .setParameter("amount", amount.value())
                .setParameter("userId", userId)
                .setParameter("max", Account.MAX_BALANCE));
    }

    /** The balance an update returned: its row stays locked until the commit, so this is our result. */
    private static Optional<BigDecimal> newBalance(Query update) {
        return update.getResultList().stream().findFirst().map(BigDecimal.class::cast);
    }
}
