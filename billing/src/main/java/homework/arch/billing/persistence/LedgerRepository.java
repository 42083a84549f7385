package homework.arch.billing.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import homework.arch.billing.domain.LedgerEntry;

/** The append-only ledger. */
@ApplicationScoped
public class LedgerRepository {

    @PersistenceContext(unitName = "billing")
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
