package homework.arch.billing.persistence;

import java.util.UUID;

import homework.arch.billing.domain.LedgerEntry;
import homework.arch.platform.db.NewestFirst;
import homework.arch.platform.db.ServiceDatabase;
import homework.arch.platform.paging.Cursor;
import homework.arch.platform.paging.Page;
import homework.arch.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The append-only ledger, read here; {@link MovementRepository} appends to it. */
@ApplicationScoped
public class LedgerRepository {

    private static final NewestFirst<LedgerEntry> BY_ACCOUNT = new NewestFirst<>(LedgerEntry.class, "ledger_entries",
            "user_id", entry -> new Cursor(entry.createdAt(), entry.id()));

    private final EntityManager entityManager;

    @Inject
    public LedgerRepository(@ServiceDatabase.Shared EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A page of an account's entries, newest first (index ledger_entries_by_account_newest_first). */
    public Page<LedgerEntry> of(UUID userId, PageRequest request) {
        return BY_ACCOUNT.page(entityManager, userId, request);
    }
}
