package homework.arch.users.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.idempotency.Stored;
import homework.arch.users.domain.AccountOpener;
import homework.arch.users.domain.User;
import homework.arch.users.domain.UserNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Registers users. The billing account is opened first and the user stored after, so a user is
 * never visible without an account; if billing fails nothing is stored and the client may retry
 * with the same id (opening the account is idempotent on billing's side). Billing is called only
 * with a user the store can hold: the request was checked whole before (storable text, the table's
 * limits as Bean Validation), and the user is built before the call. A user this request stored is
 * counted ({@link UserMetrics}) when the store's transaction committed; one stored before is not.
 */
@ApplicationScoped
public class UserService {

    private final UserStore store;
    private final AccountOpener billing;
    private final Clock clock;
    private final UserMetrics metrics;

    @Inject
    public UserService(UserStore store, AccountOpener billing, Clock clock, UserMetrics metrics) {
        this.store = store;
        this.billing = billing;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Stored<User> register(UUID id, String name, String email) {
        User candidate = User.register(id == null ? UUID.randomUUID() : id, name, email, clock.instant());
        Optional<User> existing = store.find(candidate.id());
        if (existing.isPresent()) {
            return Stored.found(existing.get().requireSameAs(candidate));
        }
        billing.openAccount(candidate.id());
        Stored<User> stored = store.insert(candidate);
        if (stored.created()) {     // committed by the store; not when a concurrent request stored it first
            metrics.registered();
        }
        return stored;
    }

    public User user(UUID id) {
        return store.find(id).orElseThrow(() -> new UserNotFoundException(id));
    }
}
