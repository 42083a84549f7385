package homework.arch.users.persistence;

import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.db.ServiceDatabase;
import homework.arch.users.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@ApplicationScoped
public class UserRepository {

    @Inject
    @ServiceDatabase.Shared
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
