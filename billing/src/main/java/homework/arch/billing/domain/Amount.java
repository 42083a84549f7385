package homework.arch.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A strictly positive sum of money with at most two decimals, no more than {@link #MAX}. Held at
 * scale 2 so that {@code 7}, {@code 7.0} and {@code 7.00} are the same amount.
 */
public record Amount(BigDecimal value) {

    public static final BigDecimal MAX = new BigDecimal("1000000000.00");

    public Amount {
        Objects.requireNonNull(value, "amount");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("amount must be greater than 0");
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount must be at most " + MAX.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must have at most 2 decimals");
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Amount of(String value) {
        return new Amount(new BigDecimal(value));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
