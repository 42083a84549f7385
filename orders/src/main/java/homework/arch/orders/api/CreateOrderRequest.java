package homework.arch.orders.api;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.platform.money.Amount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /orders}: the id is the client's (for safe retries) or made up by the server. */
@Schema(name = "CreateOrderRequest")
public record CreateOrderRequest(
        @Schema(description = "Order id chosen by the client; generated when absent")
        UUID id,
        @Schema(required = true, description = "The user who orders and pays")
        @NotNull(message = "is required")
        UUID userId,
        @Schema(required = true, description = "Price to charge, at most 2 decimals", example = "49.90",
                minimum = "0", exclusiveMinimum = true, maximum = Amount.MAX_TEXT)
        @NotNull(message = "is required")
        @Positive(message = Amount.NOT_POSITIVE)
        @DecimalMax(value = Amount.MAX_TEXT, message = Amount.TOO_LARGE)
        @Digits(integer = Amount.INTEGER_DIGITS, fraction = Amount.DECIMALS, message = Amount.TOO_PRECISE)
        BigDecimal price) {
}
