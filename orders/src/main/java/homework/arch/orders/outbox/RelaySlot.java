package homework.arch.orders.outbox;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import homework.arch.platform.db.GaugeQuery;
import homework.arch.platform.style.InStyles;
import homework.arch.platform.style.Style;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The relay's replication slot on this database, as gauges read at scrape time (one query, reused for
 * a second, with a short timeout):
 * <ul>
 *   <li>{@code outbox_relay_slot_lag_bytes}: the write-ahead log PostgreSQL keeps for the slot, i.e.
 *       what Debezium Server has not yet confirmed. It grows while the relay is down and comes back
 *       near zero after; the relay's writing heartbeat keeps it small while no order settles.</li>
 *   <li>{@code outbox_relay_slot_safe_wal_size_bytes}: how much more WAL may be written before the
 *       slot is in danger of losing what it needs ({@code max_slot_wal_keep_size} minus the lag).</li>
 *   <li>{@code outbox_relay_slot_wal_status{status}}: 1 for the slot's {@code wal_status}
 *       ({@code reserved}, {@code extended}, {@code unreserved}, {@code lost}), 0 for the others;
 *       {@code lost} means the slot was invalidated and must be recovered (outbox-relay/README.md).</li>
 * </ul>
 * All are NaN when there is no slot (the database was made without one) or the database does not answer
 * ({@link GaugeQuery}).
 */
@ApplicationScoped
@InStyles({Style.HTTP_BROKER, Style.EVENT_COLLABORATION})
public class RelaySlot {

    /** The values of {@code pg_replication_slots.wal_status}. */
    static final List<String> WAL_STATUSES = List.of("reserved", "extended", "unreserved", "lost");

    private static final Duration REUSE = Duration.ofSeconds(1);
    private static final String QUERY = """
            SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), safe_wal_size, wal_status
              FROM pg_replication_slots
             WHERE database = current_database()
             ORDER BY pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn) DESC NULLS FIRST
             LIMIT 1
            """;

    /** What one read found; NaN and null where it found nothing. */
    record State(double lagBytes, double safeWalSizeBytes, String walStatus, long readAtNanos) {
        static final State UNKNOWN = new State(Double.NaN, Double.NaN, null, 0);

        double status(String status) {
            return walStatus == null ? Double.NaN : status.equals(walStatus) ? 1 : 0;
        }
    }

    private final DataSource dataSource;
    private final MetricRegistry registry;
    private volatile State last = State.UNKNOWN;

    @Inject
    public RelaySlot(DataSource dataSource, MetricRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("outbox.relay.slot.lag.bytes", this, slot -> slot.state().lagBytes());
        registry.gauge("outbox.relay.slot.safe.wal.size.bytes", this, slot -> slot.state().safeWalSizeBytes());
        for (String status : WAL_STATUSES) {
            registry.gauge("outbox.relay.slot.wal.status", this, slot -> slot.state().status(status),
                    new Tag("status", status));
        }
    }

    /** The slot's state, read again when the last read is older than a second. */
    State state() {
        State state = last;
        if (state.readAtNanos() == 0 || System.nanoTime() - state.readAtNanos() > REUSE.toNanos()) {
            state = read();
            last = state;
        }
        return state;
    }

    private State read() {
        long now = System.nanoTime();
        return GaugeQuery.firstRow(dataSource, QUERY, row -> new State(GaugeQuery.orNaN(row, 1), GaugeQuery.orNaN(row, 2),
                row.getString(3), now)).orElse(new State(Double.NaN, Double.NaN, null, now));
    }
}
