package homework.arch.orders.domain;

import java.util.UUID;

import homework.arch.platform.failure.ConflictException;

/** An order id that is already taken by an order with a different user or price. */
public class OrderConflictException extends ConflictException {

    public OrderConflictException(UUID orderId) {
        super("order-conflict", "Order conflict",
                "Order " + orderId + " already exists with a different user or price");
    }
}
