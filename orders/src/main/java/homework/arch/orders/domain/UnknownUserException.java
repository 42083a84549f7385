package homework.arch.orders.domain;

import java.util.UUID;

import homework.arch.platform.problem.NotFoundException;

/** An order for a user that the users service does not know: nothing is stored, nothing charged. */
public class UnknownUserException extends NotFoundException {

    public UnknownUserException(UUID userId) {
        super("User", userId);
    }
}
