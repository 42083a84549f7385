package homework.arch.billing.messaging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.billing.application.AccountOpenings;
import homework.arch.billing.application.Registration;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.EventSubscription;
import homework.arch.platform.messaging.PoisonRecordException;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event collaboration: {@code UserRegistered} on {@code user.events} opens the user's account, once
 * per user id ({@link AccountOpenings}). Other event types on the topic are not billing's: skipped.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class UserEventSubscription implements EventSubscription<Registration> {

    static final String USER_REGISTERED = "UserRegistered";

    /** The part of the payload billing reads; the rest (name, e-mail) is not billing's. */
    record Payload(UUID userId) {
    }

    private final AccountOpenings openings;
    private final String topic;

    @Inject
    public UserEventSubscription(AccountOpenings openings, @ConfigProperty(name = "user.events.topic") String topic) {
        this.openings = openings;
        this.topic = topic;
    }

    @Override
    public String name() {
        return "user-events";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String metricPrefix() {
        return "billing.users";
    }

    @Override
    public Optional<Registration> read(EventRecord record) throws PoisonRecordException {
        if (!USER_REGISTERED.equals(record.eventType())) {
            return Optional.empty();
        }
        Payload payload = record.payload(Payload.class, "a UserRegistered event");
        if (payload.userId() == null) {
            throw new PoisonRecordException("UserRegistered without userId");
        }
        return Optional.of(new Registration(record.eventId(), record.eventType(), payload.userId()));
    }

    @Override
    public List<Boolean> handleAll(List<Registration> events) {
        return openings.openAll(events);
    }

    @Override
    public boolean handle(Registration event) {
        return openings.open(event);
    }
}
