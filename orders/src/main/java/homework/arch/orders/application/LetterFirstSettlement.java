package homework.arch.orders.application;

import java.time.Clock;
import java.util.Optional;

import homework.arch.orders.domain.Letters;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records billing's answer in style 1, where nothing is published: the letter is stored through
 * notifications first, then the final status is committed. An order is never final without its
 * letter; while notifications gives no answer the order stays {@code PENDING} (the client gets the
 * {@code 202}), and the settler's next attempt replays billing's outcome and stores the letter then.
 * Notifications keeps one letter per order, so a settlement that stored the letter and died before
 * its commit costs nothing on the next attempt. Two concurrent settlements both store (one letter),
 * then the second's update finds the order final and answers it as the first settled it.
 */
@ApplicationScoped
@InStyles(Style.HTTP_ONLY)
public class LetterFirstSettlement implements Settlement {

    private final Letters letters;
    private final FinalStatus status;
    private final Clock clock;

    @Inject
    public LetterFirstSettlement(Letters letters, FinalStatus status, Clock clock) {
        this.letters = letters;
        this.status = status;
        this.clock = clock;
    }

    /** Not transactional: no database transaction stays open across notifications' call. */
    @Override
    public Optional<Stored<Order>> settle(Order order, OrderStatus outcome) {
        Order settled = order.settled(outcome, clock.instant());
        if (!letters.store(settled)) {
            return Optional.empty();
        }
        return Optional.of(status.record(settled));
    }
}
