package homework.arch.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A strictly positive sum of money with at most two decimals, no more than {@link #MAX}: a price in
 * orders, a deposit or a withdrawal in billing, a price in a letter. Held at scale 2 so that
 * {@code 7}, {@code 7.0} and {@code 7.00} are the same amount. The request records state the same
 * rule as Bean Validation with these constants, so that the API's 400 and this class agree.
 */
public record Amount(BigDecimal value) {

    /** The largest amount, as the annotations of the request records need it: a constant text. */
    public static final String MAX_TEXT = "1000000000.00";
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    public static final int INTEGER_DIGITS = 10;
    public static final int DECIMALS = 2;

    public static final String NOT_POSITIVE = "must be greater than 0";
    public static final String TOO_LARGE = "must be at most " + MAX_TEXT;
    public static final String TOO_PRECISE = "must have at most 2 decimals";

    public Amount {
        Objects.requireNonNull(value, "amount");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("amount " + NOT_POSITIVE);
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount " + TOO_LARGE);
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            throw new IllegalArgumentException("amount " + TOO_PRECISE);
        }
        value = value.setScale(DECIMALS, RoundingMode.UNNECESSARY);
    }

    public static Amount of(String value) {
        return new Amount(new BigDecimal(value));
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
