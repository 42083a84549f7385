package homework.arch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.TestHttp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The end-to-end tier: the whole stack, started by the launcher's own code on free ports in a fresh
 * data folder, exercised through its ingress by the Postman collection (newman) and a few checks
 * the collection cannot make (what is not routed; what survives a restart).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static StackLayout layout;
    private static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        Path data = TARGET.resolve("it-stack");
        Folders.delete(data);
        layout = new StackLayout(data, StackPorts.free());
        stack = startStack(layout);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void thePostmanCollectionPassesThroughTheIngress() {
        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("newman/report.html"), TARGET.resolve("newman/newman.log"));

        assertThat("newman reported failed assertions (target/newman/newman.log and report.html):\n" + newman.failures(),
                newman.exitCode(), is(0));
    }

    @ParameterizedTest
    @Order(2)
    @ValueSource(strings = {"/internal/billing/accounts", "/billing/../internal/billing/accounts",
            "/billing/%2e%2e/internal/billing/accounts", "/billing/..%2finternal/billing/accounts",
            "/openapi/billing/../../internal/billing/accounts", "/%69nternal/billing/accounts"})
    void internalEndpointsCannotBeReachedThroughTheIngress(String rawPath) {
        String userId = UUID.randomUUID().toString();

        int status = rawPost(stack.ingressUri().getPort(), rawPath, "{\"userId\":\"" + userId + "\"}");

        assertThat(rawPath + " answered " + status, status, anyOf(is(400), is(404)));
        TestHttp billing = new TestHttp(stack.services().get("billing"));
        TestHttp.Reply account = billing.get("/billing/accounts/" + userId);
        assertThat("billing opened an account through " + rawPath + ": " + account, account.status(), is(404));
    }

    /**
     * platform {@code RequestLimit} registers its gauges only when a limit is set, so their presence
     * in each service's {@code /metrics} shows that its shipped configuration sheds overload (how it
     * sheds is {@code RequestLimitTest} in orders).
     */
    @Test
    @Order(3)
    void everyServiceLimitsTheApiRequestsItHandlesAtOnce() {
        assertThat(stack.services().keySet(), is(Set.of("users", "billing", "orders", "notifications")));
        stack.replicas().forEach((name, service) -> {
            TestHttp.Reply metrics = new TestHttp(service.uri()).get("/metrics");
            assertThat(name + " /metrics: " + metrics, metrics.status(), is(200));
            assertThat(name + " has no request limit: no api_requests_active in its /metrics",
                    metrics.text().lines().toList(), hasItem(startsWith("api_requests_active")));
        });
    }

    @Test
    @Order(4)
    void aRestartKeepsUsersBalancesAndLettersAndTheRelayResumes() {
        TestHttp api = new TestHttp(stack.ingressUri());
        String userId = UUID.randomUUID().toString();
        TestHttp.Reply registered = api.post("/users", "{\"id\":\"" + userId + "\",\"name\":\"Kept\",\"email\":\"kept@example.com\"}");
        assertThat(registered.toString(), registered.status(), is(201));
        TestHttp.Reply deposited = api.post("/billing/accounts/" + userId + "/deposits", "{\"amount\":50}");
        assertThat(deposited.toString(), deposited.status(), is(200));
        String before = UUID.randomUUID().toString();
        assertThat(api.post("/orders", order(before, userId, "20")).json().path("status").asText(), is("PAID"));
        await(api, "/notifications?userId=" + userId, letters -> hasLetter(letters, before), Duration.ofSeconds(15));

        stack.close();
        stack = startStack(new StackLayout(layout.dataDirectory(), StackPorts.free()));
        TestHttp restarted = new TestHttp(stack.ingressUri());

        assertThat(restarted.get("/users/" + userId).json().path("email").asText(), is("kept@example.com"));
        assertThat(restarted.get("/billing/accounts/" + userId).json().path("balance").decimalValue(),
                comparesEqualTo(new java.math.BigDecimal("30")));
        assertThat(hasLetter(restarted.get("/notifications?userId=" + userId).json(), before), is(true));
        String after = UUID.randomUUID().toString();
        assertThat(restarted.post("/orders", order(after, userId, "40")).json().path("status").asText(), is("CANCELLED"));
        JsonNode letters = await(restarted, "/notifications?userId=" + userId, l -> hasLetter(l, after), Duration.ofSeconds(15));
        assertThat("exactly one letter per order, none replayed by the restart: " + letters, letters.size(), is(2));
    }

    private static Stack startStack(StackLayout layout) {
        long started = System.nanoTime();
        Stack started0 = Stack.on(layout).start(step -> System.out.println("[stack] starting " + step));
        System.out.printf("[stack] ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return started0;
    }

    private static String order(String id, String userId, String price) {
        return "{\"id\":\"" + id + "\",\"userId\":\"" + userId + "\",\"price\":" + price + "}";
    }

    /** Polls {@code GET path} until the JSON answer satisfies {@code done}; fails after {@code within}. */
    private static JsonNode await(TestHttp http, String path, Predicate<JsonNode> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        TestHttp.Reply last;
        do {
            last = http.get(path);
            if (last.status() == 200 && done.test(last.json())) {
                return last.json();
            }
            sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("GET " + path + " did not show what was awaited within " + within + "; last: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean hasLetter(JsonNode letters, String orderId) {
        for (JsonNode letter : letters) {
            if (orderId.equals(letter.path("orderId").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A request line sent byte for byte: HTTP clients would normalize the path before the ingress sees it. */
    private static int rawPost(int port, String rawPath, String json) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + rawPath + " HTTP/1.1\r\nHost: arch.homework\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(response.split(" ", 3)[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
