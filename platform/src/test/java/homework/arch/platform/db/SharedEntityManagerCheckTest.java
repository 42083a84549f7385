package homework.arch.platform.db;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedEntityManagerCheckTest {

    @Test
    void aRepositoryWithItsOwnPersistenceContextIsRefused() {
        var violations = SharedEntityManagerCheck.violations(OwnContext.class);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().contains("inject @ServiceDatabase.Shared EntityManager instead"),
                violations.getFirst());
    }

    @Test
    void aRepositoryWithTheSharedEntityManagerPasses() {
        assertEquals(0, SharedEntityManagerCheck.violations(SharedContext.class).size());
    }

    @Test
    void platformsOwnPersistenceContextIsTheOneAllowed() {
        assertEquals(0, SharedEntityManagerCheck.violations(ServiceDatabase.class).size());
    }

    static class OwnContext {
        @PersistenceContext
        EntityManager entityManager;
    }

    static class SharedContext {
        @Inject
        @ServiceDatabase.Shared
        EntityManager entityManager;
    }
}
