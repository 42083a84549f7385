package homework.arch.orders.api;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
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
                minimum = "0", exclusiveMinimum = true, maximum = "1000000000.00")
        @NotNull(message = "is required")
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "1000000000.00", message = "must be at most 1000000000.00")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals")
        BigDecimal price) {
}
