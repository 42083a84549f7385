package homework.arch.users.lookup;

import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.client.RemoteProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@link Users} through users' internal API, every call through platform's {@link RemoteCalls}. */
@ApplicationScoped
public class UsersOverHttp implements Users {

    private final RemoteCalls calls = RemoteCalls.to("users");
    private final UsersClient users;

    @Inject
    public UsersOverHttp(@RestClient UsersClient users) {
        this.users = users;
    }

    @Override
    public Optional<RegisteredUser> find(UUID userId) {
        return RemoteProblemException.emptyIfNotFound(() -> calls.call(() -> users.user(userId)));
    }
}
