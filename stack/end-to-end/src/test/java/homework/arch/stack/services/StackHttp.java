package homework.arch.stack.services;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestHttp;

import static org.awaitility.Awaitility.await;

/** The calls the pipeline test makes on the services' public API, each sent through {@link TestHttp}. */
final class StackHttp {

    private final Map<String, ServiceProcess> services;

    StackHttp(Map<String, ServiceProcess> services) {
        this.services = services;
    }

    /** A registered user with {@code balance} deposited. */
    UUID user(String email, BigDecimal balance) {
        UUID id = UUID.fromString(send("users", "POST", "/users", Map.of("name", "Pipeline", "email", email), 201)
                .get("id").asText());
        send("billing", "POST", "/billing/accounts/" + id + "/deposits", Map.of("amount", balance), 200);
        return id;
    }

    JsonNode order(UUID user, BigDecimal price) {
        return send("orders", "POST", "/orders", Map.of("userId", user, "price", price), 201);
    }

    /** Every letter of the user, newest first: all pages of the list, 500 a page. */
    JsonNode letters(UUID user) {
        return TestHttp.JSON.createArrayNode().addAll(
                Pages.walk(http("notifications"), "/notifications?userId=" + user + "&limit=500", 500));
    }

    /** The user's letters once there are at least {@code expected}, waiting up to {@code within}. */
    JsonNode awaitLetters(UUID user, int expected, Duration within) {
        JsonNode[] letters = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            letters[0] = letters(user);
            return letters[0].size() >= expected;
        });
        return letters[0];
    }

    /** POST /orders with a {@code traceparent} header; the whole reply, headers included. */
    TestHttp.Reply tracedOrder(UUID user, BigDecimal price, String traceparent) {
        return http("orders").post("/orders", json(Map.of("userId", user, "price", price)), Map.of("traceparent", traceparent));
    }

    double metric(String name) {
        return metric("notifications", name);
    }

    /** The sum of the samples of a Prometheus metric of one service (NaN stays NaN). */
    double metric(String service, String name) {
        return http(service).metric(name);
    }

    private JsonNode send(String service, String method, String path, Object body, int expected) {
        TestHttp.Reply reply = http(service).send(method, path, body == null ? null : json(body),
                Map.of("Accept", "application/json"));
        if (reply.status() != expected) {
            throw new AssertionError(method + " " + service + " " + path + " answered " + reply);
        }
        return reply.json();
    }

    private TestHttp http(String service) {
        return new TestHttp(services.get(service).uri());
    }

    private static String json(Object body) {
        try {
            return TestHttp.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
