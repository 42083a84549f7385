package homework.arch.billing.application;

import java.util.ArrayList;
import java.util.List;

import homework.arch.platform.messaging.ProcessedEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: opens the account of each registered user, with the event's id recorded in
 * the same transaction. Opening is idempotent by user id ({@link AccountStore#open}), so a second
 * registration event for the same user (re-published with a new id) opens nothing either.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class AccountOpenings {

    private final ProcessedEvents processed;
    private final AccountStore store;

    @Inject
    public AccountOpenings(ProcessedEvents processed, AccountStore store) {
        this.processed = processed;
        this.store = store;
    }

    /** In one transaction: every account opened, or none. */
    @Transactional
    public List<Boolean> openAll(List<Registration> registrations) {
        List<Boolean> opened = new ArrayList<>(registrations.size());
        for (Registration registration : registrations) {
            opened.add(open(registration));
        }
        return opened;
    }

    /** False, with nothing changed, for an event handled before. */
    @Transactional
    public boolean open(Registration registration) {
        if (!processed.first(registration.eventId(), registration.eventType())) {
            return false;
        }
        store.open(registration.userId());
        return true;
    }
}
