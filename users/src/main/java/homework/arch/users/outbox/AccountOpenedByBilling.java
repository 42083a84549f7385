package homework.arch.users.outbox;

import java.util.UUID;

import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.domain.AccountOpener;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Event collaboration: users never calls billing. Billing opens the account when it reads the
 * {@code UserRegistered} event that {@link UserOutbox} writes with the user, so there is nothing to
 * do before the user is stored; the account follows, eventually.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class AccountOpenedByBilling implements AccountOpener {

    @Override
    public void openAccount(UUID userId) {
        // billing opens it from UserRegistered
    }
}
