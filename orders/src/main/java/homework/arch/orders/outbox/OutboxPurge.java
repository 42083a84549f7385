package homework.arch.orders.outbox;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes outbox rows older than {@code outbox.retention}, every {@code outbox.purge-interval}.
 * Debezium reads the write-ahead log, not the table, so rows could go at once; keeping them a while
 * lets an operator inspect what was published and replay it (README).
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = System.getLogger(OutboxPurge.class.getName());

    private final Outbox outbox;
    private final Duration retention;
    private final Duration interval;

    private ScheduledExecutorService executor;

    @Inject
    public OutboxPurge(Outbox outbox,
                       @ConfigProperty(name = "outbox.retention", defaultValue = "P7D") Duration retention,
                       @ConfigProperty(name = "outbox.purge-interval", defaultValue = "PT1H") Duration interval) {
        this.outbox = outbox;
        this.retention = retention;
        this.interval = interval;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("outbox-purge").factory());
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            int deleted = outbox.purgeOlderThan(retention);
            LOG.log(Level.DEBUG, "Purged {0} outbox rows older than {1}", deleted, retention);
        } catch (Exception e) {
            // Everything, checked exceptions thrown through a @Transactional proxy included (a failed
            // commit is a RollbackException): a task that throws is never run again by its executor.
            LOG.log(Level.WARNING, "Outbox purge failed; next try in " + interval, e);
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
