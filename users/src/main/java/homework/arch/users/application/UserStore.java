package homework.arch.users.application;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import homework.arch.users.domain.Registration;
import homework.arch.users.domain.User;
import homework.arch.users.persistence.UserRepository;

/** The transactional side of registration: one short transaction per call, never around a remote call. */
@ApplicationScoped
public class UserStore {

    private final UserRepository users;

    @Inject
    public UserStore(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public Optional<User> find(UUID id) {
        return users.find(id);
    }

    /** Inserts the user, or returns the one a concurrent request stored first if it is the same user. */
    @Transactional
    public Registration insert(User user) {
        if (users.insertIfAbsent(user)) {
            return new Registration(user, true);
        }
        return new Registration(users.find(user.id()).orElseThrow().requireSameAs(user), false);
    }
}
