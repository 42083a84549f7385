package homework.arch.orders.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The replication slot's gauges against a real PostgreSQL: NaN while the database has no slot, then
 * the slot's lag, the WAL it may still hold back and its {@code wal_status}, one sample per status.
 */
@HelidonTest
class RelaySlotMetricsTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("orders");
    private static final String SLOT = "relay_slot_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @Inject
    WebTarget target;

    @AddConfigSource
    static ConfigSource config() {
        return TestDatabase.configSource(DATABASE);
    }

    @AfterAll
    static void dropSlot() {
        // A slot keeps WAL on the shared test server until it is dropped.
        TestDatabase.server().runScript(database(), "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE slot_name = '" + SLOT + "'");
    }

    @Test
    void theSlotsLagRoomAndWalStatusAreGaugesAndNaNWhileThereIsNoSlot() {
        TestHttp http = new TestHttp(target.getUri());
        TestHttp.Reply before = metrics(http);
        assertThat(before.samples("outbox_relay_slot_lag_bytes"), contains(Double.NaN));
        assertThat(before.samples("outbox_relay_slot_wal_status", Map.of("status", "reserved")), contains(Double.NaN));

        TestDatabase.server().runScript(database(), "SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                metrics(http).metric("outbox_relay_slot_wal_status", Map.of("status", "reserved")) == 1.0);
        TestHttp.Reply after = metrics(http);
        for (String status : new String[] {"extended", "unreserved", "lost"}) {
            assertThat(status, after.samples("outbox_relay_slot_wal_status", Map.of("status", status)), contains(0.0));
        }
        double lag = after.metric("outbox_relay_slot_lag_bytes");
        assertThat(lag, greaterThanOrEqualTo(0.0));
        assertThat(lag, lessThan(16.0 * 1024 * 1024));
        double room = after.metric("outbox_relay_slot_safe_wal_size_bytes");
        assertThat("what the slot may still hold back: about max_slot_wal_keep_size (512MB), to a WAL segment",
                room, lessThanOrEqualTo((512.0 + 16) * 1024 * 1024));
        assertThat(room, greaterThan(256.0 * 1024 * 1024));
    }

    private static TestHttp.Reply metrics(TestHttp http) {
        TestHttp.Reply reply = http.get("/metrics", Map.of("Accept", "text/plain"));
        assertThat(reply.toString(), reply.status(), is(200));
        return reply;
    }

    private static String database() {
        String url = DATABASE.get("db.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
