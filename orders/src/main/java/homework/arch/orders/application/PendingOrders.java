package homework.arch.orders.application;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The transactions on {@code PENDING} orders that commit before billing is called: storing a new
 * order, and the settler's claim of due ones.
 */
@ApplicationScoped
public class PendingOrders {

    private final OrderRepository orders;

    @Inject
    public PendingOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** Stores a new order; false if an order with its id exists ({@link OrderRepository#addIfAbsent}). */
    @Transactional
    public boolean add(Order order) {
        return orders.addIfAbsent(order);
    }

    /** Claims due orders and leases them until their next attempt ({@link OrderRepository#claimDue}). */
    @Transactional
    public List<UUID> claimDue(Duration minAge, int limit, Duration backoffInitial, Duration backoffMax) {
        return orders.claimDue(minAge, limit, backoffInitial, backoffMax);
    }
}
