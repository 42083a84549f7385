package homework.arch.billing.application;

import java.util.UUID;

import homework.arch.billing.domain.Account;
import homework.arch.billing.domain.AccountNotFoundException;
import homework.arch.billing.domain.BalanceLimitException;
import homework.arch.billing.domain.InsufficientFundsException;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.billing.persistence.AccountRepository;
import homework.arch.billing.persistence.LedgerRepository;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens accounts, reads them and their ledgers, and moves money. It holds no transaction: the
 * writes are {@link AccountStore}'s and {@link IdempotentMovements}' transactions, and each outcome
 * is counted ({@link BillingMetrics}) after the call that committed it returned.
 */
@ApplicationScoped
public class AccountService {

    private final AccountStore store;
    private final IdempotentMovements movements;
    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final BillingMetrics metrics;

    @Inject
    public AccountService(AccountStore store, IdempotentMovements movements, AccountRepository accounts,
                          LedgerRepository ledger, BillingMetrics metrics) {
        this.store = store;
        this.movements = movements;
        this.accounts = accounts;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** Idempotent: opening an existing account returns it unchanged. */
    public Stored<Account> open(UUID userId) {
        Stored<Account> account = store.open(userId);
        if (account.created()) {
            metrics.accountOpened();
        }
        return account;
    }

    public Account account(UUID userId) {
        return accounts.find(userId).orElseThrow(() -> new AccountNotFoundException(userId));
    }

    /** A page of the account's ledger, newest first. */
    public Page<LedgerEntry> transactions(UUID userId, PageRequest page) {
        if (!accounts.exists(userId)) {
            throw new AccountNotFoundException(userId);
        }
        return ledger.of(userId, page);
    }

    /**
     * The answer to a deposit or withdrawal, {@code key} its optional idempotency key
     * ({@link IdempotentMovements}). Without a key a rule's refusal is thrown, and counted as refused
     * on its way out.
     */
    public RecordedOutcome move(UUID userId, Movement movement, String key) {
        MovementResult result;
        try {
            result = movements.apply(userId, movement, key);
        } catch (InsufficientFundsException | BalanceLimitException refusal) {
            metrics.movement(movement.type(), MovementResult.Decision.REFUSED);
            throw refusal;
        }
        metrics.movement(movement.type(), result.decision());
        return result.answer();
    }
}
