package homework.arch.users.outbox;

import java.time.Instant;
import java.util.UUID;

import homework.arch.users.domain.User;

/** The payload of {@code UserRegistered} (openapi/styles/event-collaboration.asyncapi.yaml). */
public record UserRegistered(UUID userId, String name, String email, Instant occurredAt) {

    /** The outbox row's {@code type}: the {@code eventType} header. */
    public static final String TYPE = "UserRegistered";

    static UserRegistered of(User user) {
        return new UserRegistered(user.id(), user.name(), user.email(), user.createdAt());
    }
}
