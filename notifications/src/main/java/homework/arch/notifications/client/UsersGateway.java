package homework.arch.notifications.client;

import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Looks up a user's registered email.
 * When users cannot be asked, the call ends in {@code UnavailableException} ({@link RemoteCalls}).
 */
@ApplicationScoped
public class UsersGateway {

    private final RemoteCalls calls = RemoteCalls.to("users");
    private final UsersClient users;

    @Inject
    public UsersGateway(@RestClient UsersClient users) {
        this.users = users;
    }

    /** The user, or empty if users does not know it. */
    public Optional<RegisteredUser> find(UUID userId) {
        return RemoteProblemException.emptyIfNotFound(() -> calls.call(() -> users.user(userId)));
    }
}
