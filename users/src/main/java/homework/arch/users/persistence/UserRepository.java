package homework.arch.users.persistence;

import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.db.ServiceDatabase;
import homework.arch.users.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The users table. Methods join the caller's transaction. */
@ApplicationScoped
public class UserRepository {

    private final EntityManager entityManager;

    @Inject
    public UserRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    /**
     * Inserts the user unless the id exists. A concurrent insert of the same id makes this wait for
     * the other transaction and then insert nothing, so there is never a unique-key failure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfAbsent(User user) {
        return entityManager.createNativeQuery("""
                        INSERT INTO users (id, name, email, created_at) VALUES (:id, :name, :email, :createdAt)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", user.id())
                .setParameter("name", user.name())
                .setParameter("email", user.email())
                .setParameter("createdAt", user.createdAt())
                .executeUpdate() == 1;
    }
}
