package homework.arch.billing.persistence;

import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.Account;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Accounts: opening and reading them; their balances change through {@link MovementRepository}. */
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
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean openIfAbsent(Account account) {
        return entityManager.createNativeQuery("""
                        INSERT INTO accounts (user_id, balance, created_at, updated_at) VALUES (:userId, :balance, :createdAt, :createdAt)
                        ON CONFLICT (user_id) DO NOTHING""")
                .setParameter("userId", account.userId())
                .setParameter("balance", account.balance())
                .setParameter("createdAt", account.createdAt())
                .executeUpdate() == 1;
    }
}
