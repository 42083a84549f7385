package homework.arch.users.domain;

import java.util.UUID;

import homework.arch.platform.problem.NotFoundException;

public class UserNotFoundException extends NotFoundException {

    public UserNotFoundException(UUID id) {
        super("User", id);
    }
}
