package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.client.RemoteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Withdraws an order's price from the user's billing account. The order id is the idempotency key,
 * so sending the same withdrawal again, after a timeout or from the settler, never charges twice.
 * Only transport errors are retried here; a refusal is an answer, not a failure, and does not trip
 * the breaker. When billing cannot be asked, the call ends in {@code UnavailableException}.
 */
@ApplicationScoped
@RemoteService("billing")
public class BillingGateway {

    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = RemoteProblemException.class)
    public WithdrawalOutcome withdraw(UUID userId, UUID orderId, BigDecimal amount) {
        try {
            billing.withdraw(userId, orderId.toString(), new BillingClient.Withdrawal(amount, orderId));
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
