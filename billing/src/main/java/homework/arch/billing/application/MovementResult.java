package homework.arch.billing.application;

import homework.arch.billing.domain.RecordedOutcome;

/**
 * A movement's answer, and what this request did to reach it: moved the money, was refused by a
 * rule (nothing changed), or found the outcome an earlier request with its idempotency key stored
 * and answers that again.
 */
public record MovementResult(RecordedOutcome answer, Decision decision) {

    public enum Decision {
        MOVED,
        REFUSED,
        REPLAYED
    }

    static MovementResult moved(RecordedOutcome answer) {
        return new MovementResult(answer, Decision.MOVED);
    }

    static MovementResult refused(RecordedOutcome answer) {
        return new MovementResult(answer, Decision.REFUSED);
    }

    static MovementResult replayed(RecordedOutcome answer) {
        return new MovementResult(answer, Decision.REPLAYED);
    }
}
