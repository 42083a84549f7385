package homework.arch.platform.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class PeriodicTest {

    /** What a {@code @Transactional} proxy throws when the database dies during the commit. */
    static final class RollbackFailure extends Exception {
        RollbackFailure() {
            super("ARJUNA016053: Could not commit transaction.");
        }
    }

    @Test
    void aRoundThatFailsDoesNotEndTheTask() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch afterTheFailures = new CountDownLatch(1);
        try (Periodic task = Periodic.start("test-task", Duration.ofMillis(10), () -> {
            int round = rounds.incrementAndGet();
            if (round == 1) {
                throw new RollbackFailure();
            }
            if (round == 2) {
                throw new IllegalStateException("boom");
            }
            afterTheFailures.countDown();
        })) {
            assertThat("a round ran after a checked and an unchecked failure",
                    afterTheFailures.await(10, TimeUnit.SECONDS), is(true));
        }
    }

    @Test
    void noRoundRunsOnceClosed() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        Periodic task = Periodic.start("test-task", Duration.ofMillis(10), () -> {
            rounds.incrementAndGet();
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS), is(true));
        task.close();
        int closedAt = rounds.get();
        Thread.sleep(100);
        assertThat(rounds.get(), is(closedAt));
    }
}
