package homework.arch.billing.api;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.billing.domain.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account")
public record AccountResponse(
        UUID userId,
        @Schema(description = "Never negative, at most 2 decimals", example = "100.00") BigDecimal balance) {

    public static AccountResponse from(Account account) {
        return new AccountResponse(account.userId(), account.balance());
    }
}
