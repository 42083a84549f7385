package homework.arch.platform.db;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

class SharedEntityManagerCheckTest {

    @Test
    void aRepositoryWithItsOwnPersistenceContextIsRefused() {
        var violations = SharedEntityManagerCheck.violations(OwnContext.class);
        assertThat(violations.toString(), violations, hasSize(1));
        assertThat(violations.getFirst(), containsString("inject @ServiceDatabase.Shared EntityManager instead"));
    }

    @Test
    void aRepositoryWithTheSharedEntityManagerPasses() {
        assertThat(SharedEntityManagerCheck.violations(SharedContext.class), is(empty()));
    }

    @Test
    void platformsOwnPersistenceContextIsTheOneAllowed() {
        assertThat(SharedEntityManagerCheck.violations(ServiceDatabase.class), is(empty()));
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
