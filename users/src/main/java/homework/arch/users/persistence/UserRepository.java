package homework.arch.users.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import homework.arch.users.domain.User;

@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "users")
    private EntityManager em;

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * Inserts the user unless the id exists. A concurrent insert of the same id makes this wait for
     * the other transaction and then insert nothing, so there is never a unique-key failure.
     */
    public boolean insertIfAbsent(User user) {
        return em.createNativeQuery("""
                        INSERT INTO users (id, name, email, created_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, user.id())
                .setParameter(2, user.name())
                .setParameter(3, user.email())
                .setParameter(4, user.createdAt())
                .executeUpdate() == 1;
    }
}
