package homework.arch.notifications;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.UsersStub;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Notifications in style 1 (openapi/styles/http-only.yaml), against a real PostgreSQL and no Kafka
 * at all: orders stores each order's letter through {@code POST /internal/notifications}, once per
 * order, and no consumer runs.
 */
@HelidonTest
class HttpOnlyStyleTest {

    private static final UsersStub USERS = new UsersStub();
    private static final Map<String, String> DB = TestDatabase.forService("notifications");

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DB);
        settings.put("style", "http-only");
        settings.put("users.url", USERS.uri().toString());
        settings.put("kafka.bootstrap.servers", "127.0.0.1:1");
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        USERS.close();
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void anOrdersLetterIsStoredOnceHoweverOftenOrdersAsks() {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Map<String, Object> settled = settled(order, user, "PAID");
        TestHttp.Reply first = store(settled);
        assertThat(first.toString(), first.status(), is(201));
        assertThat(first.header("Location").orElseThrow(), containsString("/notifications?userId=" + user));
        JsonNode letter = first.json();
        assertThat(letter.get("type").asText(), is("ORDER_PAID"));
        assertThat(letter.get("orderId").asText(), is(order.toString()));
        assertThat(letter.get("email").asText(), is("ann@example.com"));

        TestHttp.Reply again = store(settled);
        assertThat(again.toString(), again.status(), is(200));
        assertThat("the letter stored first", again.json(), is(letter));
        JsonNode list = letters(user);
        assertThat(list.size(), is(1));
        assertThat(list.get(0), is(letter));
    }

    @Test
    void aCancelledOrderGetsTheSadLetter() {
        UUID user = UUID.randomUUID();
        TestHttp.Reply reply = store(settled(UUID.randomUUID(), user, "CANCELLED"));
        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("type").asText(), is("ORDER_CANCELLED"));
    }

    @Test
    void anInvalidLetterRequestIsRefusedByFieldAndStoresNothing() {
        UUID user = UUID.randomUUID();
        Map<String, Object> noEmail = new HashMap<>(settled(UUID.randomUUID(), user, "PAID"));
        noEmail.remove("email");
        assertThat(assertProblem(store(noEmail), 400, "validation").get("errors").get(0).get("field").asText(), is("email"));
        Map<String, Object> pending = new HashMap<>(settled(UUID.randomUUID(), user, "PAID"));
        pending.put("status", "PENDING");
        assertThat(assertProblem(store(pending), 400, "validation").get("errors").get(0).get("field").asText(), is("status"));
        Map<String, Object> negative = new HashMap<>(settled(UUID.randomUUID(), user, "PAID"));
        negative.put("price", -1);
        assertThat(assertProblem(store(negative), 400, "validation").get("errors").get(0).get("field").asText(), is("price"));
        assertThat(letters(user).size(), is(0));
    }

    @Test
    void noConsumerRunsWithoutABroker() {
        TestHttp.Reply ready = http.get("/health/ready");
        assertThat(ready.toString(), ready.status(), is(200));
        assertThat(ready.text(), containsString("database"));
        assertThat(ready.text(), not(containsString("order-events-consumer")));
    }

    private static Map<String, Object> settled(UUID order, UUID user, String status) {
        return Map.of("orderId", order, "userId", user, "email", "ann@example.com", "price", new java.math.BigDecimal("12.50"),
                "status", status, "occurredAt", "2026-12-06T12:00:00Z");
    }

    private TestHttp.Reply store(Map<String, Object> settled) {
        return http.post("/internal/notifications", json(settled));
    }

    private JsonNode letters(UUID user) {
        TestHttp.Reply list = http.get("/notifications?userId=" + user);
        assertThat(list.toString(), list.status(), is(200));
        return list.json();
    }
}
