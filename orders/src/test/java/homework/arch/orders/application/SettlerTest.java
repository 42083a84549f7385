package homework.arch.orders.application;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A round that fails must not end the settler: its executor never runs a task again once it threw. */
class SettlerTest {

    @Test
    void aRoundWhoseCommitFailsEndsQuietlySoTheNextOneRuns() {
        PendingOrders pending = new PendingOrders(null) {
            @Override
            public List<UUID> claimDue(Duration minAge, int limit, Duration backoffInitial, Duration backoffMax) {
                // What the @Transactional proxy throws when the database dies during the commit:
                // the checked RollbackException, although claimDue() does not declare it.
                throw SettlerTest.<RuntimeException>sneaky(
                        new RollbackException("ARJUNA016053: Could not commit transaction."));
            }
        };
        Settler settler = new Settler(null, pending, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5), 20,
                Duration.ofSeconds(1), Duration.ofMinutes(1));
        assertEquals(0, settler.runOnce());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
