package homework.arch.billing.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import homework.arch.platform.money.Amount;

/**
 * One requested change of a balance. {@code orderId} is set when orders charges for an order; the
 * ledger shows it.
 */
public record Movement(MovementType type, Amount amount, UUID orderId) {

    public Movement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
    }

    public static Movement deposit(Amount amount) {
        return new Movement(MovementType.DEPOSIT, amount, null);
    }

    public static Movement withdrawal(Amount amount, UUID orderId) {
        return new Movement(MovementType.WITHDRAWAL, amount, orderId);
    }

    /** The change of the balance: the amount, negative for a withdrawal. */
    public BigDecimal delta() {
        return type == MovementType.WITHDRAWAL ? amount.value().negate() : amount.value();
    }

    /**
     * A digest of everything that makes two requests the same request: an idempotency key replayed
     * with a different fingerprint is a different request reusing the key.
     */
    public String fingerprint() {
        String canonical = type + "|" + amount + "|" + (orderId == null ? "" : orderId);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
