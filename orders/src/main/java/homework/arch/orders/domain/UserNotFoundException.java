package homework.arch.orders.domain;

import java.util.UUID;

import homework.arch.platform.failure.ResourceNotFoundException;

/** An order for a user that the users service does not know: nothing is stored, nothing charged. */
public class UserNotFoundException extends ResourceNotFoundException {

    public UserNotFoundException(UUID userId) {
        super("User", userId);
    }
}
