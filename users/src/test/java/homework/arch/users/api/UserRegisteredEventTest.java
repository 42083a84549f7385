package homework.arch.users.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Registration in the event-collaboration style, on a real PostgreSQL, with nothing listening at
 * billing's address: the user and its {@code UserRegistered} outbox row are stored together, billing
 * is never called, a replay writes no second event, and a refused request writes none.
 */
@HelidonTest
@AddConfig(key = "style", value = "event-collaboration")
class UserRegisteredEventTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("users");

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("billing.url", "http://127.0.0.1:" + Ports.free());
        return TestDatabase.configSource(settings);
    }

    @Inject
    WebTarget target;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aRegistrationIsStoredWithItsEventAndWithoutBilling() {
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
        TestHttp.Reply created = http.post("/users", body);
        assertThat(created.text(), created.status(), is(201));

        List<OrdersDatabase.OutboxRow> events = outbox().outbox(id);
        assertThat(events, hasSize(1));
        OrdersDatabase.OutboxRow event = events.getFirst();
        assertThat(event.aggregateType(), is("user"));
        assertThat(event.aggregateId(), is(id.toString()));
        assertThat(event.type(), is("UserRegistered"));
        JsonNode payload = event.payload();
        assertThat(payload.get("userId").asText(), is(id.toString()));
        assertThat(payload.get("name").asText(), is("Ada"));
        assertThat(payload.get("email").asText(), is("ada@example.com"));
        assertThat(payload.get("occurredAt").asText(), is(created.json().get("createdAt").asText()));

        assertThat("a replay answers the stored user", http.post("/users", body).status(), is(200));
        assertThat("and publishes nothing again", outbox().outbox(id), hasSize(1));
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        UUID id = UUID.randomUUID();
        http.post("/users", "{\"id\":\"" + id + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertProblem(http.post("/users", "{\"id\":\"" + id + "\",\"name\":\"Bob\",\"email\":\"bob@example.com\"}"),
                409, "user-conflict");
        assertProblem(http.post("/users", "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"\"}"), 400,
                "validation");
        assertThat(outbox().outbox(id), hasSize(1));
    }

    /** users' database, read as the relay reads an outbox (the fixture is named after orders, its first outbox). */
    private static OrdersDatabase outbox() {
        return OrdersDatabase.of(DATABASE);
    }
}
