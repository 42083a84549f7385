package homework.arch.users.lookup;

import java.util.Optional;
import java.util.UUID;

/**
 * Looks registered users up. When users cannot be asked, a call ends in platform's
 * {@code UnavailableException}.
 */
public interface Users {

    /** The user, or empty if users does not know it. */
    Optional<RegisteredUser> find(UUID userId);
}
