package homework.arch.orders.application;

import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.persistence.KnownUserRepository;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.lookup.RegisteredUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Event collaboration: the users orders has seen registered ({@code UserRegistered}, kept by
 * {@link UserRegistrations}), read from orders' own table; users is never asked. A user registered
 * a moment ago whose event has not arrived yet is unknown until it does.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class RegisteredUsers implements OrderUsers {

    private final KnownUserRepository users;

    @Inject
    public RegisteredUsers(KnownUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<RegisteredUser> find(UUID userId) {
        return users.email(userId).map(email -> new RegisteredUser(userId, null, email));
    }
}
