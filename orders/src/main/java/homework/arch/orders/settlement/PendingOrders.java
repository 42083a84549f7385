package homework.arch.orders.settlement;

import homework.arch.orders.domain.Order;
import homework.arch.orders.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Stores new orders as {@code PENDING}, committed before billing is called. */
@ApplicationScoped
public class PendingOrders {

    @Inject
    OrderRepository orders;

    @Transactional
    public Order add(Order order) {
        orders.add(order);
        return order;
    }
}
