package homework.arch.orders;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** The served OpenAPI document is the committed one, and settled orders show up in the metrics. */
@HelidonTest
class OpenApiAndMetricsTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(TestDatabase.forService("orders"));
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        REMOTE.close();
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void servedOpenApiDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedEquals(target.getUri(), "orders");
    }

    @Test
    void everyBodyTheDocumentDeclaresIsRefusedAsItSays() {
        OpenApiContract.assertDeclaredRefusalsAnswered(target.getUri());
    }

    @Test
    void settledOrdersAreCountedByStatus() {
        UUID rich = REMOTE.user(new BigDecimal("10.00"));
        UUID poor = REMOTE.user(new BigDecimal("0.50"));
        assertThat(post(rich).status(), is(201));
        assertThat(post(poor).status(), is(201));
        TestHttp.Reply metrics = http.get("/metrics", Map.of("Accept", "text/plain"));
        assertThat(metrics.toString(), metrics.status(), is(200));
        assertThat(metrics.text().lines().toList(), hasItem(allOf(startsWith("orders_settled_total{"),
                containsString("status=\"PAID\""), endsWith(" 1.0"))));
        assertThat(metrics.text().lines().toList(), hasItem(allOf(startsWith("orders_settled_total{"),
                containsString("status=\"CANCELLED\""), endsWith(" 1.0"))));
    }

    private TestHttp.Reply post(UUID user) {
        return http.post("/orders", json(Map.of("userId", user, "price", new BigDecimal("1.00"))));
    }
}
