package homework.arch.notifications.client;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Looks up a user's registered email. Transport errors are retried a bounded number of times; a
 * slow or failing users service ends in a fault-tolerance exception or {@link ProcessingException}.
 */
@ApplicationScoped
public class UsersGateway {

    @Inject
    @RestClient
    UsersClient users;

    /** The user, or empty if users does not know it. */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = WebApplicationException.class)
    public Optional<RegisteredUser> find(UUID userId) {
        try {
            return Optional.of(users.user(userId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
