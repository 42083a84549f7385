package homework.arch.orders.application;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.idempotency.Stored;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Style 1's commit of a settled order, its letter already stored: the status alone, no event. The
 * transaction of {@link LetterFirstSettlement}, which must not hold one across notifications' call.
 */
@ApplicationScoped
@InStyles(Style.HTTP_ONLY)
public class FinalStatus {

    private final OrderRepository orders;

    @Inject
    public FinalStatus(OrderRepository orders) {
        this.orders = orders;
    }

    /** Created when this call settled the order, found (as settled first) when another attempt did. */
    @Transactional
    public Stored<Order> record(Order settled) {
        if (!orders.settleIfPending(settled)) {
            return Stored.found(orders.find(settled.id()).orElseThrow(() -> new OrderNotFoundException(settled.id())));
        }
        return Stored.created(settled);
    }
}
