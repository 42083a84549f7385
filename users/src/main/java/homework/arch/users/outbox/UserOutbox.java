package homework.arch.users.outbox;

import homework.arch.platform.messaging.OutboxEvents;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import homework.arch.users.domain.RegistrationEvents;
import homework.arch.users.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Event collaboration: a registration is the event {@code UserRegistered} on topic
 * {@code user.events}, keyed by the user id, written to users' outbox in the transaction that
 * stores the user (platform's {@link OutboxEvents}), so there is never a user without its event or
 * an event without its user.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class UserOutbox implements RegistrationEvents {

    /** The EventRouter routes rows by this column: aggregate type {@code user} → topic {@code user.events}. */
    public static final String AGGREGATE_TYPE = "user";

    private final OutboxEvents outbox;

    @Inject
    public UserOutbox(OutboxEvents outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(User user) {
        outbox.append(AGGREGATE_TYPE, user.id().toString(), UserRegistered.TYPE, UserRegistered.of(user));
    }
}
