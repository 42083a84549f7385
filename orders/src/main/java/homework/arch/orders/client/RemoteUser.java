package homework.arch.orders.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What orders needs of a user: who it is and where its letters go. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RemoteUser(UUID id, String name, String email) {
}
