package homework.arch.orders.application;

import java.util.List;
import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.failure.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reading orders back: one order, or a user's. */
@ApplicationScoped
public class OrderQueries {

    private final OrderRepository orders;

    @Inject
    public OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    public Order order(UUID id) {
        return orders.find(id).orElseThrow(() -> new ResourceNotFoundException("Order", id));
    }

    /** Newest first. */
    public List<Order> ofUser(UUID userId) {
        return orders.byUser(userId);
    }
}
