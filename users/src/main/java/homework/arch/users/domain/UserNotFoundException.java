package homework.arch.users.domain;

import java.util.UUID;

import homework.arch.platform.failure.ResourceNotFoundException;

/** No user with this id. */
public class UserNotFoundException extends ResourceNotFoundException {

    public UserNotFoundException(UUID id) {
        super("User", id);
    }
}
