package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

/** The body of billing's withdrawal: the order's price, and the order it pays for. */
public record WithdrawalRequest(BigDecimal amount, UUID orderId) {
}
