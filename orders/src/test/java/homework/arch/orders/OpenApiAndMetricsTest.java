package homework.arch.orders;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.TestDatabase;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served OpenAPI document is the committed one, and settled orders show up in the metrics. */
@HelidonTest
class OpenApiAndMetricsTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();

    @Inject
    WebTarget target;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(TestDatabase.forService("orders"));
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        REMOTE.close();
    }

    @Test
    void servedOpenApiDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedEquals(target.getUri(), "orders");
    }

    @Test
    void settledOrdersAreCountedByStatus() {
        UUID rich = REMOTE.user(new BigDecimal("10.00"));
        UUID poor = REMOTE.user(new BigDecimal("0.50"));
        assertEquals(201, post(rich).getStatus());
        assertEquals(201, post(poor).getStatus());
        String metrics = target.path("/metrics").request(MediaType.TEXT_PLAIN).get(String.class);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("orders_settled_total{") && l.contains("status=\"PAID\"")
                && l.endsWith(" 1.0")), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("orders_settled_total{")
                && l.contains("status=\"CANCELLED\"") && l.endsWith(" 1.0")), metrics);
    }

    private jakarta.ws.rs.core.Response post(UUID user) {
        return target.path("/orders").request()
                .post(Entity.entity(Map.of("userId", user, "price", new BigDecimal("1.00")), MediaType.APPLICATION_JSON));
    }
}
