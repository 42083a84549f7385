package homework.arch.billing.outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import homework.arch.platform.messaging.OutboxEvents;
import homework.arch.platform.money.Amount;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: the outcome of an order's withdrawal as {@code PaymentCompleted} or
 * {@code PaymentRejected} on topic {@code payment.events}, keyed by the order id, written to
 * billing's outbox (platform's {@link OutboxEvents}) in the caller's transaction, the one that
 * moved the money or was refused.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class PaymentOutbox {

    /** The EventRouter routes rows by this column: aggregate type {@code payment} → topic {@code payment.events}. */
    public static final String AGGREGATE_TYPE = "payment";

    /** Why a payment was rejected (openapi/styles/event-collaboration.asyncapi.yaml). */
    public enum Reason {
        INSUFFICIENT_FUNDS,
        NO_ACCOUNT
    }

    /** The payload of both events; {@code reason} only in {@code PaymentRejected}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(UUID orderId, UUID userId, BigDecimal amount, Instant occurredAt, Reason reason) {
    }

    private final OutboxEvents outbox;

    @Inject
    public PaymentOutbox(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(UUID orderId, UUID userId, Amount amount, Instant now) {
        outbox.append(AGGREGATE_TYPE, orderId.toString(), "PaymentCompleted",
                new Payment(orderId, userId, amount.value(), now, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(UUID orderId, UUID userId, Amount amount, Reason reason, Instant now) {
        outbox.append(AGGREGATE_TYPE, orderId.toString(), "PaymentRejected",
                new Payment(orderId, userId, amount.value(), now, reason));
    }
}
