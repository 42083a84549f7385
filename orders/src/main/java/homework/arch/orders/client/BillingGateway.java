package homework.arch.orders.client;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.util.Optional;

import homework.arch.orders.domain.Billing;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.failure.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@link Billing} through billing's accounts API: a withdrawal under the order id as idempotency key.
 * A taken price settles the order {@code PAID}; a refusal for lack of funds, or for no account (which
 * users' registration rules out, so it is logged), {@code CANCELLED}; anything else (billing could not
 * be asked, or refused in a way this service does not know) leaves it {@code PENDING} for the settler.
 */
@ApplicationScoped
public class BillingGateway implements Billing {

    private static final Logger LOG = System.getLogger(BillingGateway.class.getName());

    private final RemoteCalls calls = RemoteCalls.to("billing");
    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    @Override
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
