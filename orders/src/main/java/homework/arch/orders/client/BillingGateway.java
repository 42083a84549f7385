package homework.arch.orders.client;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Withdraws an order's price from the user's billing account. The order id is the idempotency key,
 * so sending the same withdrawal again, after a timeout or from the settler, never charges twice.
 * Only transport errors are retried here; a refusal ({@link InsufficientFundsException},
 * {@link RemoteNotFoundException}) is an answer, not a failure, and does not trip the breaker.
 */
@ApplicationScoped
public class BillingGateway {

    @Inject
    @RestClient
    BillingClient billing;

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {InsufficientFundsException.class, RemoteNotFoundException.class})
    public AccountBalance withdraw(UUID userId, UUID orderId, BigDecimal amount) {
        return billing.withdraw(userId, orderId.toString(), new WithdrawalRequest(amount, orderId));
    }
}
