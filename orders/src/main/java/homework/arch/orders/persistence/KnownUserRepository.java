package homework.arch.orders.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Event collaboration: the users orders has seen registered ({@code known_users}), with their e-mail. */
@ApplicationScoped
@InStyles(Style.EVENT_COLLABORATION)
public class KnownUserRepository {

    private final EntityManager entityManager;

    @Inject
    public KnownUserRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The user's e-mail, or empty for a user orders has not seen registered. */
    public Optional<String> email(UUID userId) {
        return entityManager.createNativeQuery("SELECT email FROM known_users WHERE user_id = :userId", String.class)
                .setParameter("userId", userId)
                .getResultList().stream().map(String.class::cast).findFirst();
    }

    /** Keeps the user unless it is kept already (a registered user never changes), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addIfAbsent(UUID userId, String email, Instant registeredAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_users (user_id, email, registered_at) VALUES (:userId, :email, :registeredAt)
                        ON CONFLICT (user_id) DO NOTHING
                        """)
                .setParameter("userId", userId)
                .setParameter("email", email)
                .setParameter("registeredAt", registeredAt)
                .executeUpdate();
    }
}
