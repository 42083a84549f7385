package homework.arch.billing.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.Account;
import homework.arch.billing.domain.AccountNotFoundException;
import homework.arch.billing.domain.BalanceLimitException;
import homework.arch.billing.domain.InsufficientFundsException;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.persistence.AccountRepository;
import homework.arch.billing.persistence.MovementRepository;
import homework.arch.platform.failure.DomainException;
import homework.arch.platform.idempotency.Stored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The transactional side of billing's writes: opening an account, and moving money, each movement
 * changing the balance and writing its ledger entry atomically. {@link AccountService} holds no
 * transaction and counts what these committed.
 */
@ApplicationScoped
public class AccountStore {

    private final AccountRepository accounts;
    private final MovementRepository movements;
    private final Clock clock;

    @Inject
    public AccountStore(AccountRepository accounts, MovementRepository movements, Clock clock) {
        this.accounts = accounts;
        this.movements = movements;
        this.clock = clock;
    }

    /** Idempotent: opening an existing account returns it unchanged, not created. */
    @Transactional
    public Stored<Account> open(UUID userId) {
        boolean created = accounts.openIfAbsent(Account.open(userId, clock.instant()));
        return new Stored<>(accounts.find(userId).orElseThrow(), created);
    }

    /**
     * Applies the movement or refuses it with nothing changed. A refusal does not doom the caller's
     * transaction, which may still record the refusal as the outcome of an idempotency key. Only a
     * refused movement asks why (no account, or the rule), so a movement that succeeds costs one
     * statement ({@link MovementRepository#move}).
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public LedgerEntry move(UUID userId, Movement movement) {
        UUID entryId = UUID.randomUUID();
        Optional<MovementRepository.Moved> moved = movements.move(userId, movement, entryId);
        if (moved.isEmpty()) {
            if (!accounts.exists(userId)) {
                throw new AccountNotFoundException(userId);
            }
            throw refusal(userId, movement);
        }
        return LedgerEntry.of(entryId, userId, movement, moved.get().balance(), moved.get().at());
    }

    /**
     * Claims the idempotency key {@code key} for this movement and applies it, in one statement
     * ({@link MovementRepository#claimAndMove}). Empty, with nothing changed, if the key was claimed
     * before or there is no account; else the entry, or the rule's refusal thrown with the key
     * claimed and the caller's transaction not doomed, so that it can record the refusal.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public Optional<LedgerEntry> moveOnce(UUID userId, Movement movement, String key, String fingerprint) {
        UUID entryId = UUID.randomUUID();
        MovementRepository.Claimed result = movements.claimAndMove(userId, key, fingerprint, movement, entryId);
        if (!result.claimed()) {
            return Optional.empty();
        }
        return Optional.of(result.moved()
                .map(moved -> LedgerEntry.of(entryId, userId, movement, moved.balance(), moved.at()))
                .orElseThrow(() -> refusal(userId, movement)));
    }

    private static RuntimeException refusal(UUID userId, Movement movement) {
        return switch (movement.type()) {
            case DEPOSIT -> new BalanceLimitException(userId, movement.amount());
            case WITHDRAWAL -> new InsufficientFundsException(userId, movement.amount());
        };
    }
}
