package homework.arch.users.outbox;

import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.domain.RegistrationEvents;
import homework.arch.users.domain.User;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In the styles where users opens the account by calling billing before it stores the user, a
 * registration is nobody else's business: nothing is published.
 */
@ApplicationScoped
@InStyles({Style.HTTP_ONLY, Style.HTTP_BROKER})
public class NoRegistrationEvents implements RegistrationEvents {

    @Override
    public void registered(User user) {
        // nothing listens in these styles
    }
}
