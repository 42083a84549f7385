package homework.arch.users.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered user. Immutable once registered. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "email", nullable = false, length = 320)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
    }

    public static User register(UUID id, String name, String email, Instant now) {
        User user = new User();
        user.id = Objects.requireNonNull(id, "id");
        user.name = Objects.requireNonNull(name, "name");
        user.email = Objects.requireNonNull(email, "email");
        user.createdAt = now;
        return user;
    }

    /** True if registering {@code other} again would describe this same user. */
    public boolean sameAs(User other) {
        return id.equals(other.id) && name.equals(other.name) && email.equals(other.email);
    }

    /** This user, if {@code again} describes it; otherwise the conflict a client must be told about. */
    public User requireSameAs(User again) {
        if (!sameAs(again)) {
            throw new UserConflictException(id);
        }
        return this;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
