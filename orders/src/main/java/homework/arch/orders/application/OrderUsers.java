package homework.arch.orders.application;

import java.util.Optional;
import java.util.UUID;

import homework.arch.users.lookup.RegisteredUser;

/**
 * Who may order, and where the letters about the order go: the user, or empty for a user orders
 * does not know. {@link KnownUsers} asks users over HTTP; in event collaboration
 * {@link RegisteredUsers} reads the users orders has seen registered.
 */
public interface OrderUsers {

    Optional<RegisteredUser> find(UUID userId);
}
