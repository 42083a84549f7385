package homework.arch.billing.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import homework.arch.billing.domain.Account;
import homework.arch.billing.domain.AccountNotFoundException;
import homework.arch.billing.domain.BalanceLimitException;
import homework.arch.billing.domain.InsufficientFundsException;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.persistence.AccountRepository;
import homework.arch.billing.persistence.LedgerRepository;
import homework.arch.platform.failure.DomainException;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;

/** Opens accounts and moves money: each movement changes the balance and writes its ledger entry atomically. */
@ApplicationScoped
public class AccountService {

    /** The account and whether this call opened it. */
    public record Opened(Account account, boolean created) {
    }

    private final AccountRepository accounts;
    private final LedgerRepository ledger;

    @Inject
    public AccountService(AccountRepository accounts, LedgerRepository ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** Idempotent: opening an existing account returns it unchanged. */
    @Transactional
    public Opened open(UUID userId) {
        boolean created = accounts.openIfAbsent(Account.open(userId, now()));
        return new Opened(accounts.find(userId).orElseThrow(), created);
    }

    @Transactional
    public Account account(UUID userId) {
        return accounts.find(userId).orElseThrow(() -> new AccountNotFoundException(userId));
    }

    /** A page of the account's ledger, newest first. */
    @Transactional
    public Page<LedgerEntry> transactions(UUID userId, PageRequest page) {
        requireAccount(userId);
        return ledger.of(userId, page);
    }

    @Transactional(dontRollbackOn = DomainException.class)
    public void requireAccount(UUID userId) {
        if (!accounts.exists(userId)) {
            throw new AccountNotFoundException(userId);
        }
    }

    /**
     * Applies the movement or refuses it with nothing changed. A refusal does not doom the caller's
     * transaction, which may still record the refusal as the outcome of an idempotency key. Only a
     * refused update asks why (no account, or the rule), so a movement that succeeds costs one
     * statement on the account.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public LedgerEntry move(UUID userId, Movement movement) {
        Optional<BigDecimal> balance = switch (movement.type()) {
            case DEPOSIT -> accounts.deposit(userId, movement.amount());
            case WITHDRAWAL -> accounts.withdraw(userId, movement.amount());
        };
        if (balance.isEmpty()) {
            requireAccount(userId);
            throw refusal(userId, movement);
        }
        LedgerEntry entry = LedgerEntry.of(userId, movement, balance.get(), now());
        ledger.append(entry);
        return entry;
    }

    private static RuntimeException refusal(UUID userId, Movement movement) {
        return switch (movement.type()) {
            case DEPOSIT -> new BalanceLimitException(userId, movement.amount());
            case WITHDRAWAL -> new InsufficientFundsException(userId, movement.amount());
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
