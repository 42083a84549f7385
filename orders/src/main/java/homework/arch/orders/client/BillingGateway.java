package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Withdraws an order's price from the user's billing account. The order id is the idempotency key,
 * so sending the same withdrawal again, after a timeout or from the settler, never charges twice.
 * A refusal is an answer; when billing cannot be asked, the call ends in
 * {@code UnavailableException} ({@link RemoteCalls}).
 */
@ApplicationScoped
public class BillingGateway {

    private final RemoteCalls calls = RemoteCalls.to("billing");
    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    public WithdrawalOutcome withdraw(UUID userId, UUID orderId, BigDecimal amount) {
        try {
            calls.run(() -> billing.withdraw(userId, orderId.toString(), new BillingClient.Withdrawal(amount, orderId)));
            return WithdrawalOutcome.WITHDRAWN;
        } catch (RemoteProblemException refused) {
            if (refused.is("insufficient-funds")) {
                return WithdrawalOutcome.INSUFFICIENT_FUNDS;
            }
            if (refused.notFound()) {
                return WithdrawalOutcome.NO_ACCOUNT;
            }
            throw refused;
        }
    }
}
