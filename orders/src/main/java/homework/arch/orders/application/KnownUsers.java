package homework.arch.orders.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.lookup.RegisteredUser;
import homework.arch.users.lookup.Users;
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
@InStyles({Style.HTTP_ONLY, Style.HTTP_BROKER})
public class KnownUsers implements OrderUsers {

    /** The most users kept; the least recently used one goes first. */
    static final int CAPACITY = 10_000;

    private final Map<UUID, RegisteredUser> found = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, RegisteredUser> eldest) {
            return size() > CAPACITY;
        }
    };

    private final Users users;

    @Inject
    public KnownUsers(Users users) {
        this.users = users;
    }

    /** The user, from memory or else from users; empty if users does not know it. */
    @Override
    public Optional<RegisteredUser> find(UUID userId) {
        synchronized (found) {
            RegisteredUser known = found.get(userId);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<RegisteredUser> user = users.find(userId);
        user.ifPresent(this::remember);
        return user;
    }

    private void remember(RegisteredUser user) {
        synchronized (found) {
            found.put(user.id(), user);
        }
    }
}
