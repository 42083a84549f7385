package homework.arch.users.lookup;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A registered user as users' internal API answers it: who it is and where its letters go. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredUser(UUID id, String name, String email) {
}
