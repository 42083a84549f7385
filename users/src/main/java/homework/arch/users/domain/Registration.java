package homework.arch.users.domain;

/** The registered user and whether this request created it (201) or found it (200). */
public record Registration(User user, boolean created) {
}
