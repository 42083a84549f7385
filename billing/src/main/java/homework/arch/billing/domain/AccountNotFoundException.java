package homework.arch.billing.domain;

import java.util.UUID;

import homework.arch.platform.failure.ResourceNotFoundException;

/** No account for this user. */
public class AccountNotFoundException extends ResourceNotFoundException {

    public AccountNotFoundException(UUID userId) {
        super("Account", userId);
    }
}
