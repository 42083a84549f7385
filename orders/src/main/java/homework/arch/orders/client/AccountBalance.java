package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Billing's answer to a successful withdrawal. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountBalance(UUID userId, BigDecimal balance) {
}
