package homework.arch.notifications.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What notifications needs of a user: where its letters go. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredUser(UUID id, String email) {
}
