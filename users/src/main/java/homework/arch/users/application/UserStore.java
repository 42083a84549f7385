package homework.arch.users.application;

import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.idempotency.Stored;
import homework.arch.users.domain.RegistrationEvents;
import homework.arch.users.domain.User;
import homework.arch.users.persistence.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The transactional side of registration: one short transaction per call, never around a remote
 * call. A user stored now is announced ({@link RegistrationEvents}) in the same transaction.
 */
@ApplicationScoped
public class UserStore {

    private final UserRepository users;
    private final RegistrationEvents events;

    @Inject
    public UserStore(UserRepository users, RegistrationEvents events) {
        this.users = users;
        this.events = events;
    }

    public Optional<User> find(UUID id) {
        return users.find(id);
    }

    /** Inserts the user, or returns the one a concurrent request stored first if it is the same user. */
    @Transactional
    public Stored<User> insert(User user) {
        if (users.insertIfAbsent(user)) {
            events.registered(user);
            return Stored.created(user);
        }
        return Stored.found(users.find(user.id()).orElseThrow().requireSameAs(user));
    }
}
