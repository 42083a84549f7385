package homework.arch.orders.client;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Optional;

import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.failure.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Charges an order's price to its user's billing account and says how billing's answer settles the
 * order: {@code PAID} when the price was taken; {@code CANCELLED} when billing refused it for lack of
 * funds, or because it has no account for the user (which users' registration rules out, so it is
 * logged); nothing when billing gave no answer (it could not be asked, or refused in a way this
 * service does not know): the order then stays {@code PENDING} for the settler. The order id is the
 * idempotency key, so charging again, after a timeout or from the settler, never charges twice.
 */
@ApplicationScoped
public class BillingGateway {

    private static final Logger LOG = System.getLogger(BillingGateway.class.getName());

    private final RemoteCalls calls = RemoteCalls.to("billing");
    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    /** The order's final status by billing's answer; empty without one. */
    public Optional<OrderStatus> charge(Order order) {
        try {
            calls.run(() -> billing.withdraw(order.userId(), order.id().toString(),
                    new BillingClient.Withdrawal(order.price(), order.id())));
            return Optional.of(OrderStatus.PAID);
        } catch (RemoteProblemException refused) {
            if (refused.is("insufficient-funds")) {
                return Optional.of(OrderStatus.CANCELLED);
            }
            if (refused.notFound()) {
                LOG.log(Level.WARNING, () -> "Billing has no account for user " + order.userId() + "; cancelling order "
                        + order.id());
                return Optional.of(OrderStatus.CANCELLED);
            }
            return noAnswer(order, refused);
        } catch (UnavailableException e) {
            return noAnswer(order, e);
        }
    }

    private static Optional<OrderStatus> noAnswer(Order order, RuntimeException why) {
        LOG.log(Level.INFO, () -> "No answer from billing for order " + order.id() + ", it stays PENDING: " + why);
        return Optional.empty();
    }
}
