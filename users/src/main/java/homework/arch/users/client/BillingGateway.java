package homework.arch.users.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import homework.arch.platform.client.RemoteProblemException;
import homework.arch.platform.client.RemoteService;
import homework.arch.users.domain.AccountOpener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Opens accounts in billing with fault tolerance: each attempt is bounded by a timeout, failed
 * attempts are retried a bounded number of times (safe: opening an account is idempotent), and a
 * circuit breaker stops hammering a billing that keeps failing. A refusal (4xx) is never retried.
 * When billing cannot be asked, the call ends in {@code UnavailableException} ({@link RemoteService}).
 */
@ApplicationScoped
@RemoteService("billing")
public class BillingGateway implements AccountOpener {

    private final BillingClient billing;

    @Inject
    public BillingGateway(@RestClient BillingClient billing) {
        this.billing = billing;
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = RemoteProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RemoteProblemException.class)
    public void openAccount(UUID userId) {
        billing.openAccount(new BillingClient.OpenAccount(userId));
    }
}
