package homework.arch.billing.application;

import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.RecordedOutcome;
import homework.arch.platform.failure.DomainException;

/**
 * How the API answers a movement, so that {@link IdempotentMovements} can record the answer with
 * the movement and replay it without knowing its form. Implemented by the API layer.
 */
public interface OutcomeForm {

    /** The answer to a movement that was applied. */
    RecordedOutcome moved(LedgerEntry entry);

    /** The answer to a movement that a rule refused, nothing changed. */
    RecordedOutcome refused(DomainException refusal);
}
