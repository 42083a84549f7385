package homework.arch.orders.application;

import java.util.Optional;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.idempotency.Stored;

/**
 * Records billing's answer about a {@code PENDING} order, and tells notifications of the outcome the
 * way the installation's style does: through the outbox in the same statement
 * ({@link OrderSettlement}, styles 2 and 3) or by storing the letter first ({@link LetterFirstSettlement},
 * style 1). Of two concurrent settlements of one order, the second writes nothing and answers the
 * order as the first settled it.
 */
public interface Settlement {

    /**
     * {@code order}, read while {@code PENDING}, settled by {@code outcome}: created when this call
     * settled it, found when another attempt settled it first; empty when it could not be settled
     * now and stays {@code PENDING}.
     */
    Optional<Stored<Order>> settle(Order order, OrderStatus outcome);
}
