package homework.arch.orders.outbox;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Duration;

import homework.arch.platform.schedule.Periodic;
import jakarta.annotation.PreDestroy;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
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
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class OutboxPurge {

    private static final Logger LOG = System.getLogger(OutboxPurge.class.getName());

    private final Outbox outbox;
    private final Duration retention;
    private final Duration interval;

    private Periodic rounds;

    @Inject
    public OutboxPurge(Outbox outbox,
                       @ConfigProperty(name = "outbox.retention") Duration retention,
                       @ConfigProperty(name = "outbox.purge-interval") Duration interval) {
        this.outbox = outbox;
        this.retention = retention;
        this.interval = interval;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        rounds = Periodic.start("outbox-purge", interval, this::runOnce);
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.close();
        }
    }

    private void runOnce() {
        int deleted = outbox.purgeOlderThan(retention);
        LOG.log(Level.DEBUG, () -> "Purged " + deleted + " outbox rows older than " + retention);
    }
}
