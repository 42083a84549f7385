package homework.arch.notifications.client;

import java.util.Optional;
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
 * Looks up a user's registered email. Transport errors are retried a bounded number of times; when
 * users cannot be asked, the call ends in {@code UnavailableException}.
 */
@ApplicationScoped
@RemoteService("users")
public class UsersGateway {

    private final UsersClient users;

    @Inject
    public UsersGateway(@RestClient UsersClient users) {
        this.users = users;
    }

    /** The user, or empty if users does not know it. */
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = RemoteProblemException.class)
    public Optional<RegisteredUser> find(UUID userId) {
        return RemoteProblemException.emptyIfNotFound(() -> users.user(userId));
    }
}
