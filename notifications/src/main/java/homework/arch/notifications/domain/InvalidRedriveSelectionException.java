package homework.arch.notifications.domain;

import homework.arch.platform.failure.InvalidInputException;

/** A re-drive of parked records that selects nothing, an inverted id range, or a kind of event no one sends. */
public class InvalidRedriveSelectionException extends InvalidInputException {

    public InvalidRedriveSelectionException(String field, String reason) {
        super(field, reason);
    }
}
