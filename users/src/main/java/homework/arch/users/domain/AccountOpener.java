package homework.arch.users.domain;

import java.util.UUID;

/** Opens the billing account of a user, idempotently; throws if billing cannot be reached. */
public interface AccountOpener {

    void openAccount(UUID userId);
}
