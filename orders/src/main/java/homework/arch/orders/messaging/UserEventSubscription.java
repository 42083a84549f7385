package homework.arch.orders.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import homework.arch.orders.application.UserRegistration;
import homework.arch.orders.application.UserRegistrations;
import homework.arch.platform.messaging.EventRecord;
import homework.arch.platform.messaging.EventSubscription;
import homework.arch.platform.messaging.PoisonRecordException;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event collaboration: {@code UserRegistered} on {@code user.events} tells orders who may order and
 * where their letters go ({@link UserRegistrations}). Other event types on the topic are skipped.
 */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class UserEventSubscription implements EventSubscription<UserRegistration> {

    static final String USER_REGISTERED = "UserRegistered";

    /** The part of the payload orders reads (openapi/styles/event-collaboration.asyncapi.yaml). */
    record Payload(UUID userId, String email, Instant occurredAt) {
    }

    private final UserRegistrations registrations;
    private final String topic;

    @Inject
    public UserEventSubscription(UserRegistrations registrations,
                                 @ConfigProperty(name = "user.events.topic") String topic) {
        this.registrations = registrations;
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
        return "orders.users";
    }

    @Override
    public Optional<UserRegistration> read(EventRecord record) throws PoisonRecordException {
        if (!USER_REGISTERED.equals(record.eventType())) {
            return Optional.empty();
        }
        Payload payload = record.payload(Payload.class, "a UserRegistered event");
        if (payload.userId() == null || payload.email() == null || payload.occurredAt() == null) {
            throw new PoisonRecordException("UserRegistered without userId, email or occurredAt");
        }
        if (payload.email().isBlank() || payload.email().length() > 320 || !payload.email().contains("@")) {
            throw new PoisonRecordException("UserRegistered with an invalid email");
        }
        return Optional.of(new UserRegistration(record.eventId(), record.eventType(), payload.userId(),
                payload.email(), payload.occurredAt()));
    }

    @Override
    public List<Boolean> handleAll(List<UserRegistration> events) {
        return registrations.rememberAll(events);
    }

    @Override
    public boolean handle(UserRegistration event) {
        return registrations.remember(event);
    }
}
