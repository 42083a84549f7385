package homework.arch.billing.api;

import java.math.BigDecimal;

import homework.arch.platform.money.Amount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepositRequest")
public record DepositRequest(
        @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = Amount.MAX_TEXT,
                multipleOf = 0.01, example = "100.00")
        @NotNull(message = "is required")
        @Positive(message = Amount.NOT_POSITIVE)
        @DecimalMax(value = Amount.MAX_TEXT, message = Amount.TOO_LARGE)
        @Digits(integer = Amount.INTEGER_DIGITS, fraction = Amount.DECIMALS, message = Amount.TOO_PRECISE)
        BigDecimal amount) {
}
