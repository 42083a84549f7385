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

    @Inject
    @ServiceDatabase.Shared
    private EntityManager em;

    public void append(LedgerEntry entry) {
        em.persist(entry);
    }

    /** An account's entries, newest first. */
    public List<LedgerEntry> of(UUID userId) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.userId = :userId ORDER BY e.seq DESC",
                        LedgerEntry.class)
                .setParameter("userId", userId)
                .getResultList();
    }
}
