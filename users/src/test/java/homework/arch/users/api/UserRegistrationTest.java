package homework.arch.users.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

/**
 * Registration with billing's internal API answering (a stand-in that opens every account): a user
 * is stored once, and {@code users_registered_total} counts the users stored, not the answers. The
 * real billing is {@code UsersBillingIT}'s (stack/end-to-end).
 */
@HelidonTest
class UserRegistrationTest {

    private static final String REGISTERED = "users_registered_total";
    private static final HttpServer BILLING = billing();

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(TestDatabase.forService("users"));
        settings.put("billing.url", "http://127.0.0.1:" + BILLING.getAddress().getPort());
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopBilling() {
        BILLING.stop(0);
    }

    @Inject
    WebTarget target;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aRegistrationIsCountedOnceAndItsReplayNot() {
        UUID id = UUID.randomUUID();
        String body = json(Map.of("id", id, "name", "Ada", "email", "ada@example.com"));
        double before = http.metric(REGISTERED);

        TestHttp.Reply created = http.post("/users", body);
        assertThat(created.toString(), created.status(), is(201));
        assertThat(created.header("Location").orElse(""), endsWith("/users/" + id));
        assertThat("the user stored", http.metric(REGISTERED) - before, is(1.0));

        TestHttp.Reply again = http.post("/users", body);
        assertThat(again.toString(), again.status(), is(200));
        assertThat(again.json().get("id").asText(), is(id.toString()));
        assertThat("the same registration answered again", http.metric(REGISTERED) - before, is(1.0));

        assertProblem(http.post("/users", json(Map.of("id", id, "name", "Bob", "email", "ada@example.com"))), 409,
                "user-conflict");
        assertThat("a conflicting registration", http.metric(REGISTERED) - before, is(1.0));
    }

    /** billing's {@code POST /internal/billing/accounts}: every account opened, as billing answers a new one. */
    private static HttpServer billing() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/internal/billing/accounts", UserRegistrationTest::opened);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void opened(HttpExchange exchange) throws IOException {
        String userId = TestHttp.JSON.readTree(exchange.getRequestBody()).get("userId").asText();
        byte[] body = ("{\"userId\":\"" + userId + "\",\"balance\":0.00}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
