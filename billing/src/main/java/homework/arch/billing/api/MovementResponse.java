package homework.arch.billing.api;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.billing.domain.LedgerEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The account after a deposit or withdrawal, and the ledger entry it wrote. */
@Schema(name = "Movement")
public record MovementResponse(UUID userId, BigDecimal balance, LedgerEntryResponse transaction) {

    public static MovementResponse from(LedgerEntry entry) {
        return new MovementResponse(entry.userId(), entry.balanceAfter(), LedgerEntryResponse.from(entry));
    }
}
