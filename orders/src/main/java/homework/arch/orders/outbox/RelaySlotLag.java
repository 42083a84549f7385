package homework.arch.orders.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The metric {@code outbox_relay_slot_lag_bytes}: how much write-ahead log PostgreSQL keeps for the
 * relay's replication slot on this database, i.e. what Debezium Server has not yet confirmed. It
 * grows while the relay is down and must come back near zero after; without the relay's heartbeats
 * it would also grow while no order settles. NaN when there is no slot (the relay never connected)
 * or the database does not answer. Read at scrape time, with a short timeout.
 */
@ApplicationScoped
public class RelaySlotLag {

    private static final String LAG = """
            SELECT max(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn))
              FROM pg_replication_slots
             WHERE database = current_database()
            """;

    private final DataSource dataSource;
    private final MetricRegistry registry;

    @Inject
    public RelaySlotLag(DataSource dataSource, MetricRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("outbox.relay.slot.lag.bytes", this, RelaySlotLag::bytes);
    }

    /** The slot's lag in bytes, or NaN when it cannot be known. */
    public double bytes() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LAG)) {
            statement.setQueryTimeout(2);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                double lag = result.getDouble(1);
                return result.wasNull() ? Double.NaN : lag;
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
