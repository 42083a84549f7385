package homework.arch.billing.domain;

import java.util.UUID;

import homework.arch.platform.failure.ConflictException;
import homework.arch.platform.money.Amount;

/** A deposit that would take the balance past what the ledger can hold. */
public class BalanceLimitException extends ConflictException {

    public BalanceLimitException(UUID userId, Amount amount) {
        super("balance-limit-exceeded", "Balance limit exceeded",
                "Depositing " + amount + " would take the balance of account " + userId + " above "
                        + Account.MAX_BALANCE.toPlainString());
    }
}
