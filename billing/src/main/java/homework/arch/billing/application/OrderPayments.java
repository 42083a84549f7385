package homework.arch.billing.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import homework.arch.billing.domain.Movement;
import homework.arch.billing.outbox.PaymentOutbox;
import homework.arch.billing.persistence.AccountRepository;
import homework.arch.platform.messaging.ProcessedEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: charges each new order and publishes the outcome, in one transaction with
 * the event's id: the withdrawal (or its refusal), its ledger entry and the payment event commit
 * together or not at all. The withdrawal is billing's idempotent one under a key
 * ({@link IdempotentMovements}), the order id: a second {@code OrderCreated} for the same order
 * (re-published with a new id) moves no money again and publishes the first outcome again, which
 * orders, having settled the order, ignores.
 *
 * <p>Without an account the order is rejected ({@code NO_ACCOUNT}) rather than kept waiting: money
 * can only arrive through a deposit, which needs the account, so the withdrawal would be refused anyway.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class OrderPayments {

    private final ProcessedEvents processed;
    private final AccountRepository accounts;
    private final IdempotentMovements movements;
    private final PaymentOutbox outbox;
    private final Clock clock;

    @Inject
    public OrderPayments(ProcessedEvents processed, AccountRepository accounts, IdempotentMovements movements,
                         PaymentOutbox outbox, Clock clock) {
        this.processed = processed;
        this.accounts = accounts;
        this.movements = movements;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** In one transaction: every order charged and its outcome published, or none. */
    @Transactional
    public List<Boolean> payAll(List<NewOrder> orders) {
        List<Boolean> paid = new ArrayList<>(orders.size());
        for (NewOrder order : orders) {
            paid.add(pay(order));
        }
        return paid;
    }

    /** False, with nothing changed, for an event handled before. */
    @Transactional
    public boolean pay(NewOrder order) {
        if (!processed.first(order.eventId(), order.eventType())) {
            return false;
        }
        if (!accounts.exists(order.userId())) {
            outbox.rejected(order.orderId(), order.userId(), order.price(), PaymentOutbox.Reason.NO_ACCOUNT,
                    clock.instant());
            return true;
        }
        MovementResult result = movements.apply(order.userId(), Movement.withdrawal(order.price(), order.orderId()),
                order.orderId().toString());
        if (succeeded(result)) {
            outbox.completed(order.orderId(), order.userId(), order.price(), clock.instant());
        } else {
            outbox.rejected(order.orderId(), order.userId(), order.price(), PaymentOutbox.Reason.INSUFFICIENT_FUNDS,
                    clock.instant());
        }
        return true;
    }

    /** Moved now, or moved by the key's first request (whose answer was a success). */
    private static boolean succeeded(MovementResult result) {
        return switch (result.decision()) {
            case MOVED -> true;
            case REFUSED -> false;
            case REPLAYED -> result.answer().status() / 100 == 2;
        };
    }
}
