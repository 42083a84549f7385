package homework.arch.users.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls billing with fault tolerance: each attempt is bounded by a timeout, failed attempts are
 * retried a bounded number of times (safe: opening an account is idempotent), and a circuit
 * breaker stops hammering a billing that keeps failing. A refusal (4xx) is never retried.
 */
@ApplicationScoped
public class BillingGateway {

    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BillingRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = BillingRejectedException.class)
    public void openAccount(UUID userId) {
        billing.openAccount(new BillingClient.OpenAccount(userId));
    }
}
