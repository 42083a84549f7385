package homework.arch.billing.domain;

import homework.arch.platform.failure.DomainException;

/** An {@code Idempotency-Key} sent again with a different request: refused, nothing done. */
public class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException(String key) {
        super(Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + key + " was already used for a different request");
    }
}
