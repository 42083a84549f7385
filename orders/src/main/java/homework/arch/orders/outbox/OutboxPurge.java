package homework.arch.orders.outbox;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import homework.arch.platform.db.ServiceDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes outbox rows older than {@code outbox.retention}, every {@code outbox.purge-interval}.
 * Debezium reads the write-ahead log, not the table, so rows could go at once; keeping them a while
 * lets an operator inspect what was published and replay it (README).
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = System.getLogger(OutboxPurge.class.getName());

    @Inject
    @ServiceDatabase.Shared
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "outbox.retention", defaultValue = "P7D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "outbox.purge-interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    OutboxPurge self;

    private ScheduledExecutorService executor;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("outbox-purge").factory());
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            int deleted = self.purge();
            LOG.log(Level.DEBUG, "Purged {0} outbox rows older than {1}", deleted, retention);
        } catch (Exception e) {
            // Everything, checked exceptions thrown through a @Transactional proxy included (a failed
            // commit is a RollbackException): a task that throws is never run again by its executor.
            LOG.log(Level.WARNING, "Outbox purge failed; next try in " + interval, e);
        }
    }

    /** Deletes the rows older than the retention; returns how many. */
    @Transactional
    public int purge() {
        return entityManager.createNativeQuery(
                        "DELETE FROM outbox WHERE created_at < now() - make_interval(secs => :seconds)")
                .setParameter("seconds", retention.toSeconds())
                .executeUpdate();
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
