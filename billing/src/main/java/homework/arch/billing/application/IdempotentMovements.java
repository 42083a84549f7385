package homework.arch.billing.application;

import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.domain.AccountNotFoundException;
import homework.arch.billing.domain.IdempotencyKeyReusedException;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.Movement;
import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.billing.persistence.IdempotencyStore;
import homework.arch.platform.failure.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Deposits and withdrawals with an optional {@code Idempotency-Key}: the first outcome for a key,
 * success or refusal, is stored in the same transaction as the money movement and answered again,
 * byte for byte, to every later request with that key. A request whose key is claimed by one still
 * in progress waits on the key's row until that one commits, then answers its outcome: the wait is
 * bounded by one local transaction, so it is waited for rather than answered with a 409.
 */
@ApplicationScoped
public class IdempotentMovements {

    private final AccountStore store;
    private final IdempotencyStore keys;
    private final OutcomeForm form;

    @Inject
    public IdempotentMovements(AccountStore store, IdempotencyStore keys, OutcomeForm form) {
        this.store = store;
        this.keys = keys;
        this.form = form;
    }

    /**
     * The movement's answer and whether this request decided it or replays an earlier one's. Without
     * a key a refusal is thrown ({@link AccountStore#move}), as nothing is recorded.
     */
    @Transactional
    public MovementResult apply(UUID userId, Movement movement, String key) {
        if (key == null) {
            return MovementResult.moved(form.moved(store.move(userId, movement)));
        }
        String fingerprint = movement.fingerprint();
        Optional<LedgerEntry> moved;
        try {
            moved = store.moveOnce(userId, movement, key, fingerprint);
        } catch (DomainException refused) {     // the rule's refusal, with the key claimed by this request
            return recorded(userId, key, MovementResult.refused(form.refused(refused)));
        }
        if (moved.isEmpty()) {                  // not claimed: a reused key or no account is thrown, nothing recorded
            return MovementResult.replayed(earlier(userId, key, fingerprint));
        }
        return recorded(userId, key, MovementResult.moved(form.moved(moved.get())));
    }

    /** This request's outcome, stored as its key's for every later request with the key. */
    private MovementResult recorded(UUID userId, String key, MovementResult result) {
        keys.complete(userId, key, result.answer());
        return result;
    }

    /** The outcome stored for a key this request did not claim; a claim needs the account, so none means no account. */
    private RecordedOutcome earlier(UUID userId, String key, String fingerprint) {
        IdempotencyStore.Claimed claimed = keys.find(userId, key).orElseThrow(() -> new AccountNotFoundException(userId));
        if (!claimed.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return claimed.outcome();
    }
}
