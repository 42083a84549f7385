package homework.arch.billing.api;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * A request that finds every connection of the pool taken waits {@code db.pool.acquisition-timeout},
 * then gets a 503 with Retry-After and changes nothing; once a connection is free, its retry works.
 */
@HelidonTest
class PoolExhaustionTest {

    @AddConfigSource
    static ConfigSource database() {
        Map<String, String> settings = new HashMap<>(TestDatabase.forService("billing"));
        settings.put("db.pool.max-size", "2"); // Flyway needs two at start-up
        settings.put("db.pool.acquisition-timeout", "PT0.3S");
        return TestDatabase.configSource(settings);
    }

    @Inject
    WebTarget target;

    @Inject
    DataSource pool;

    @Test
    void aDepositThatGetsNoConnectionIs503AndItsRetryDepositsOnce() throws Exception {
        TestHttp http = new TestHttp(target.getUri());
        String account = AccountResourceTest.newAccount(http);

        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            TestHttp.Reply refused = http.post(account + "/deposits", "{\"amount\": 10}", Map.of("Idempotency-Key", "d"));
            assertProblem(refused, 503, "dependency-unavailable");
            assertThat(refused.header("Retry-After").orElse(""), is("1"));
            String metrics = http.get("/metrics/application").text();
            assertThat(metrics, metrics.lines().anyMatch(l -> l.startsWith("db_pool_active{") && l.endsWith(" 2.0")),
                    is(true));
        }

        TestHttp.Reply retried = http.post(account + "/deposits", "{\"amount\": 10}", Map.of("Idempotency-Key", "d"));
        assertThat(retried.toString(), retried.status(), is(200));
        assertThat(http.get(account).json().get("balance").asText(), is("10.00"));
        assertThat(http.get(account + "/transactions").json().size(), is(1));
    }
}
