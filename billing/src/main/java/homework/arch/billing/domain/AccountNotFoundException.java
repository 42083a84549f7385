package homework.arch.billing.domain;

import java.util.UUID;

import homework.arch.platform.problem.NotFoundException;

/** No account for this user. */
public class AccountNotFoundException extends NotFoundException {

    public AccountNotFoundException(UUID userId) {
        super("Account", userId);
    }
}
