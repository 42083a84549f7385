package homework.arch.notifications.persistence;

import javax.sql.DataSource;

import homework.arch.platform.db.GaugeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The metric {@code notifications_parked_records}: the records in {@code parked_events} that no
 * re-drive has handled yet, i.e. letters that may be owed. It grows when the consumer parks a
 * record and falls when a re-drive handles one. The table is the database's, so every replica
 * reports the same number. NaN when the database does not answer. Read at scrape time
 * ({@link GaugeQuery}).
 */
@ApplicationScoped
public class ParkedRecordsGauge {

    private static final String NAME = "notifications.parked.records";
    private static final String STILL_PARKED = "SELECT count(*) FROM parked_events WHERE redriven_at IS NULL";

    private final DataSource dataSource;
    private final MetricRegistry registry;

    @Inject
    public ParkedRecordsGauge(DataSource dataSource, MetricRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /** Bound to this bean: one registered by an earlier container in the same JVM (tests) is replaced. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.remove(NAME);
        registry.gauge(NAME, this, ParkedRecordsGauge::records);
    }

    /** The records still parked, or NaN when that cannot be known. */
    public double records() {
        return GaugeQuery.firstRow(dataSource, STILL_PARKED, row -> (double) row.getLong(1)).orElse(Double.NaN);
    }
}
