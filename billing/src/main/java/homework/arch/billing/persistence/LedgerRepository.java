package homework.arch.billing.persistence;

import java.util.List;
import java.util.UUID;

import homework.arch.billing.domain.LedgerEntry;
import homework.arch.platform.db.ServiceDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The append-only ledger. */
@ApplicationScoped
public class LedgerRepository {

    private final EntityManager entityManager;

    @Inject
    public LedgerRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void append(LedgerEntry entry) {
        entityManager.persist(entry);
    }

    /** An account's entries, newest first. */
    public List<LedgerEntry> of(UUID userId) {
        return entityManager.createQuery("SELECT e FROM LedgerEntry e WHERE e.userId = :userId ORDER BY e.seq DESC",
                        LedgerEntry.class)
                .setParameter("userId", userId)
                .getResultList();
    }
}
