package homework.arch.users.api;

import java.time.Instant;
import java.util.UUID;

import homework.arch.users.domain.User;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "User")
public record UserResponse(UUID id, String name, String email, Instant createdAt) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id(), user.name(), user.email(), user.createdAt());
    }
}
