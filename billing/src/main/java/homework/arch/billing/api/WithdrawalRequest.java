package homework.arch.billing.api;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.platform.money.Amount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawalRequest")
public record WithdrawalRequest(
        @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = Amount.MAX_TEXT,
                multipleOf = 0.01, example = "7.50")
        @NotNull(message = "is required")
        @Positive(message = Amount.NOT_POSITIVE)
        @DecimalMax(value = Amount.MAX_TEXT, message = Amount.TOO_LARGE)
        @Digits(integer = Amount.INTEGER_DIGITS, fraction = Amount.DECIMALS, message = Amount.TOO_PRECISE)
        BigDecimal amount,
        @Schema(description = "The order this withdrawal pays for, when orders charges it; shown in the ledger")
        UUID orderId) {
}
