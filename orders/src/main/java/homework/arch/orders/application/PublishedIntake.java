package homework.arch.orders.application;

import java.util.Optional;

import homework.arch.orders.domain.Order;
import homework.arch.orders.outbox.Outbox;
import homework.arch.orders.persistence.OrderRepository;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: the order is stored {@code PENDING} with its {@code OrderCreated} event in
 * one transaction, and nothing else happens here: billing charges it when it reads the event, and
 * its payment event settles the order ({@link PaymentOutcomes}).
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class PublishedIntake implements OrderIntake {

    private final OrderRepository orders;
    private final Outbox outbox;

    @Inject
    public PublishedIntake(OrderRepository orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public Optional<Order> take(Order order) {
        if (!orders.addIfAbsent(order)) {
            return Optional.empty();
        }
        outbox.created(order);
        return Optional.of(order);
    }
}
