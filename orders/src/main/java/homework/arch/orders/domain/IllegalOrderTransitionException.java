package homework.arch.orders.domain;

import java.util.UUID;

import homework.arch.platform.failure.ConflictException;

/** An order asked to change status in a way its life does not allow, e.g. paying a cancelled order. */
public class IllegalOrderTransitionException extends ConflictException {

    public IllegalOrderTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
        super("illegal-order-transition", "Illegal order transition",
                "Order " + orderId + " is " + from + " and cannot become " + to);
    }
}
