package homework.arch.billing.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepositRequest")
public record DepositRequest(
        @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = "1000000000.00",
                multipleOf = 0.01, example = "100.00")
        @NotNull(message = "is required")
        @Positive(message = "must be greater than 0")
        @DecimalMax(value = "1000000000.00", message = "must be at most 1000000000.00")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal amount) {
}
