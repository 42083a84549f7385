package homework.arch.orders.application;

import java.util.ArrayList;
import java.util.List;

import homework.arch.orders.persistence.KnownUserRepository;
import homework.arch.platform.messaging.ProcessedEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: keeps each registered user's id and e-mail, with the event's id, in one
 * transaction; a user is kept once, whatever events tell of it again.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class UserRegistrations {

    private final ProcessedEvents processed;
    private final KnownUserRepository users;

    @Inject
    public UserRegistrations(ProcessedEvents processed, KnownUserRepository users) {
        this.processed = processed;
        this.users = users;
    }

    /** In one transaction: every user kept, or none. */
    @Transactional
    public List<Boolean> rememberAll(List<UserRegistration> registrations) {
        List<Boolean> kept = new ArrayList<>(registrations.size());
        for (UserRegistration registration : registrations) {
            kept.add(remember(registration));
        }
        return kept;
    }

    /** False, with nothing changed, for an event handled before. */
    @Transactional
    public boolean remember(UserRegistration registration) {
        if (!processed.first(registration.eventId(), registration.eventType())) {
            return false;
        }
        users.addIfAbsent(registration.userId(), registration.email(), registration.occurredAt());
        return true;
    }
}
