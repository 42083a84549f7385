package homework.arch.billing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import homework.arch.billing.domain.LedgerEntry;
import homework.arch.billing.domain.MovementType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LedgerEntry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntryResponse(
        UUID id,
        MovementType type,
        BigDecimal amount,
        BigDecimal balanceAfter,
        Instant createdAt,
        @Schema(description = "Present when the withdrawal paid for an order") UUID orderId) {

    public static LedgerEntryResponse from(LedgerEntry entry) {
        return new LedgerEntryResponse(entry.id(), entry.type(), entry.amount(), entry.balanceAfter(),
                entry.createdAt(), entry.orderId());
    }
}
