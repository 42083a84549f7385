package homework.arch.notifications.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import homework.arch.notifications.domain.SettledOrder;
import homework.arch.platform.money.Amount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /internal/notifications} (style 1): the settled order a letter is about, the same
 * fields as the order event's payload in the styles with a broker. Without a schema name of its own:
 * a named schema would appear in every style's OpenAPI document, this one only in style 1's.
 */
public record OrderLetterRequest(
        @Schema(required = true) @NotNull(message = "is required") UUID orderId,
        @Schema(required = true) @NotNull(message = "is required") UUID userId,
        @Schema(required = true, maxLength = 320)
        @NotNull(message = "is required")
        @Email(message = "must be an e-mail address")
        @Size(max = 320, message = "must be at most 320 characters")
        String email,
        @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = Amount.MAX_TEXT)
        @NotNull(message = "is required")
        @Positive(message = Amount.NOT_POSITIVE)
        @DecimalMax(value = Amount.MAX_TEXT, message = Amount.TOO_LARGE)
        @Digits(integer = Amount.INTEGER_DIGITS, fraction = Amount.DECIMALS, message = Amount.TOO_PRECISE)
        BigDecimal price,
        @Schema(required = true, description = "The order's final status")
        @NotNull(message = "is required")
        SettledOrder.Outcome status,
        @Schema(required = true, description = "When the order was settled")
        @NotNull(message = "is required")
        Instant occurredAt) {

    SettledOrder order() {
        return new SettledOrder(orderId, userId, email, price, status, occurredAt);
    }
}
