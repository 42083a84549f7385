package homework.arch.orders.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The users orders has already found, so that only a user's first order asks users. A registered
 * user never changes: the API has neither an update nor a delete, and users stores a user only
 * after its billing account exists, so a user once found stays exactly as found. An unknown id is
 * not kept: it may be registered a moment later.
 *
 * <p>This takes the call to users off every order but a user's first. Should users ever allow an
 * email to change, this cache must go, or learn of the change from an event.
 */
@ApplicationScoped
public class KnownUsers {

    /** The most users kept; the least recently used one goes first. */
    static final int CAPACITY = 10_000;

    private final Map<UUID, RemoteUser> found = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RemoteUser> eldest) {
            return size() > CAPACITY;
        }
    };

    private final UsersGateway users;

    @Inject
    public KnownUsers(UsersGateway users) {
        this.users = users;
    }

    /** The user, from memory or else from users; empty if users does not know it. */
    public Optional<RemoteUser> find(UUID userId) {
        synchronized (found) {
            RemoteUser known = found.get(userId);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<RemoteUser> user = users.find(userId);
        user.ifPresent(this::remember);
        return user;
    }

    private void remember(RemoteUser user) {
        synchronized (found) {
            found.put(user.id(), user);
        }
    }
}
