package homework.arch.orders.application;

import java.util.Optional;

import homework.arch.orders.domain.Order;

/**
 * What becomes of a new order that is known to be storable: it is stored {@code PENDING} and its
 * payment starts. {@link ChargedIntake} charges it through billing at once; in event collaboration
 * {@link PublishedIntake} stores it with its {@code OrderCreated} event and billing's event settles
 * it later.
 */
public interface OrderIntake {

    /** The order after its intake (settled, or {@code PENDING}); empty if an order with its id was stored first. */
    Optional<Order> take(Order order);
}
