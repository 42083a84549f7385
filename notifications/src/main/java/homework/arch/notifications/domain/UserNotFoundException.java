package homework.arch.notifications.domain;

import java.util.UUID;

import homework.arch.platform.failure.ResourceNotFoundException;

/** A letter for a user that the users service does not know: nothing is stored. */
public class UserNotFoundException extends ResourceNotFoundException {

    public UserNotFoundException(UUID userId) {
        super("User", userId);
    }
}
