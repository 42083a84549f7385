package homework.arch.orders.application;

import java.util.UUID;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderNotFoundException;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
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
        return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** A page of the user's orders, newest first. */
    public Page<Order> ofUser(UUID userId, PageRequest page) {
        return orders.byUser(userId, page);
    }
}
