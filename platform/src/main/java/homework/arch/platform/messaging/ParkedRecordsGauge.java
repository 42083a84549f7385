package homework.arch.platform.messaging;

import javax.sql.DataSource;

import homework.arch.platform.db.GaugeQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The metric {@code <service>_parked_records}: the records in {@code parked_events} that no
 * re-drive has handled yet, i.e. effects that may be owed. Registered by {@link EventConsumers} in
 * a service that consumes. It grows when the consumer parks a
 * record and falls when a re-drive handles one. The table is the database's, so every replica
 * reports the same number. NaN when the database does not answer. Read at scrape time
 * ({@link GaugeQuery}).
 */
@ApplicationScoped
public class ParkedRecordsGauge {

    private static final String STILL_PARKED = "SELECT count(*) FROM parked_events WHERE redriven_at IS NULL";

    private final DataSource dataSource;
    private final MetricRegistry registry;
    private final String name;

    @Inject
    public ParkedRecordsGauge(DataSource dataSource, MetricRegistry registry,
                              @ConfigProperty(name = "service.name") String service) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.name = service + ".parked.records";
    }

    /** Bound to this bean: one registered by an earlier container in the same JVM (tests) is replaced. */
    public void register() {
        registry.remove(name);
        registry.gauge(name, this, ParkedRecordsGauge::records);
    }

    /** The records still parked, or NaN when that cannot be known. */
    public double records() {
        return GaugeQuery.firstRow(dataSource, STILL_PARKED, row -> (double) row.getLong(1)).orElse(Double.NaN);
    }
}
