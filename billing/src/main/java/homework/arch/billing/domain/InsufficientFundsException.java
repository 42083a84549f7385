package homework.arch.billing.domain;

import java.util.UUID;

import homework.arch.platform.failure.ConflictException;
import homework.arch.platform.money.Amount;

/** A withdrawal larger than the balance: refused, balance unchanged. */
public class InsufficientFundsException extends ConflictException {

    public InsufficientFundsException(UUID userId, Amount amount) {
        super("insufficient-funds", "Insufficient funds",
                "The balance of account " + userId + " is lower than " + amount);
    }
}
