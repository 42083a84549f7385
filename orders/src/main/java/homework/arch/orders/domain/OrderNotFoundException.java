package homework.arch.orders.domain;

import java.util.UUID;

import homework.arch.platform.failure.ResourceNotFoundException;

/** No order has this id. */
public class OrderNotFoundException extends ResourceNotFoundException {

    public OrderNotFoundException(UUID orderId) {
        super("Order", orderId);
    }
}
