package homework.arch.users.domain;

import java.util.UUID;

import homework.arch.platform.failure.ConflictException;

/** The id is taken by a user with a different name or email. */
public class UserConflictException extends ConflictException {

    public UserConflictException(UUID id) {
        super("user-conflict", "User exists with different data",
                "User " + id + " already exists with a different name or email");
    }
}
