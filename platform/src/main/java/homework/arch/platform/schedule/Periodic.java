package homework.arch.platform.schedule;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background task run every {@code interval} (from the end of one round to the start of the
 * next) on a virtual thread of its own, until closed. A round that fails is logged and the next one
 * runs: an executor never runs again a task that threw, and a failed commit reaches the caller of a
 * {@code @Transactional} method as a checked exception.
 * <pre>
 * void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
 *     rounds = Periodic.start("settler", interval, this::runOnce);
 * }
 *
 * &#64;PreDestroy
 * void stop() {
 *     rounds.close();
 * }
 * </pre>
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = System.getLogger(Periodic.class.getName());

    private final ScheduledExecutorService executor;

    private Periodic(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code round} every {@code interval}, the first time one interval from now; {@code name} names its thread. */
    public static Periodic start(String name, Duration interval, Round round) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name(name).factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (Exception e) {
                LOG.log(Level.WARNING, name + " round failed; the next one in " + interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(executor);
    }

    /** Stops: a running round is interrupted and waited for (a few seconds at most), and no round starts after this. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round of the task. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }
}
