package homework.arch.orders.application;

import java.util.Optional;

import homework.arch.orders.domain.Order;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Styles 1 and 2: the order is committed {@code PENDING}, then charged through billing
 * ({@link Charging}); billing not answering leaves it {@code PENDING} for the settler.
 */
@ApplicationScoped
@InStyles({Style.HTTP_ONLY, Style.HTTP_BROKER})
public class ChargedIntake implements OrderIntake {

    private final PendingOrders pending;
    private final Charging charging;

    @Inject
    public ChargedIntake(PendingOrders pending, Charging charging) {
        this.pending = pending;
        this.charging = charging;
    }

    @Override
    public Optional<Order> take(Order order) {
        if (!pending.add(order)) {
            return Optional.empty();
        }
        return Optional.of(charging.charge(order));
    }
}
