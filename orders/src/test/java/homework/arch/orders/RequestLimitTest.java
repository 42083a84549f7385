package homework.arch.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import homework.arch.platform.web.RequestLimit;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/**
 * orders takes two API requests at once here ({@code api.max-concurrent-requests}), and two more
 * ({@code api.max-waiting-requests}) may wait a second for a turn. Billing, held in the stub, keeps the first two in flight.
 */
@HelidonTest
class RequestLimitTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    @Inject
    WebTarget target;

    @Inject
    RequestLimit limit;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(DB);
        settings.put("settler.interval", "PT1H");
        settings.put("api.max-concurrent-requests", "2");
        settings.put("api.max-waiting-requests", "2");
        settings.put("api.max-wait", MAX_WAIT.toString());
        return TestDatabase.configSource(settings);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri(), Duration.ofSeconds(10));
    }

    @AfterEach
    void billingAnswersAgain() {
        REMOTE.releaseBilling();
        await().atMost(Duration.ofSeconds(10)).until(() -> limit.active() == 0 && limit.waiting() == 0);
    }

    @AfterAll
    static void stopStub() {
        REMOTE.close();
    }

    @Test
    void beyondTheLimitAndTheWaitARequestGetsA503ProblemAndNothingIsDone() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        double shedBefore = http.metric("api_requests_shed_total");
        List<CompletableFuture<TestHttp.Reply>> inFlight = fillTheLimit(user);

        assertThat("the probes are never held back", http.get("/health/ready").status(), is(200));

        UUID refused = UUID.randomUUID();
        TestHttp.Reply reply = place(refused, user);
        assertProblem(reply, 503, "overloaded");
        assertThat(reply.header("Retry-After"), is(Optional.of("1")));
        assertThat("it waited for a turn first", Duration.ofMillis(reply.millis()),
                greaterThanOrEqualTo(MAX_WAIT.minusMillis(100)));

        REMOTE.releaseBilling();
        assertAccepted(inFlight);
        assertThat("the refused order was not stored", http.get("/orders/" + refused).status(), is(404));
        assertThat("nor charged", REMOTE.withdrawals(refused), is(empty()));
        assertThat("the one refused request was counted", http.metric("api_requests_shed_total") - shedBefore, is(1.0));
    }

    @Test
    void whenTheQueueIsFullTheNextIsRefusedAtOnceOnAConnectionThatStaysOpen() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        List<CompletableFuture<TestHttp.Reply>> running = fillTheLimit(user);
        List<CompletableFuture<TestHttp.Reply>> waiting = List.of(placeAsync(user), placeAsync(user));
        await().atMost(MAX_WAIT.minusMillis(100)).pollInterval(Duration.ofMillis(10)).until(() -> limit.waiting() == 2);

        // One connection for two requests, which TestHttp does not promise: a raw socket.
        UUID refused = UUID.randomUUID();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.base().getPort())) {
            String body = orderJson(refused, user);
            long started = System.nanoTime();
            RawResponse response = exchange(socket, "POST /orders HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(response.body(), response.status(), is(503));
            assertThat("no wait when the queue is full", took, lessThan(MAX_WAIT));
            assertThat(response.headers().toString(), response.headers().get("connection"),
                    not(equalToIgnoringCase("close")));

            RawResponse next = exchange(socket, "GET /health/ready HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat("the same connection answers the next request", next.status(), is(200));
        }
        for (CompletableFuture<TestHttp.Reply> order : waiting) {
            assertThat("their turn did not come within the wait: " + order.join(), order.join().status(), is(503));
        }
        REMOTE.releaseBilling();
        assertAccepted(running);
        assertThat("the refused order was not stored", http.get("/orders/" + refused).status(), is(404));
    }

    @Test
    void aRequestThatFindsTheLimitFullWaitsForATurn() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        List<CompletableFuture<TestHttp.Reply>> inFlight = fillTheLimit(user);

        CompletableFuture<TestHttp.Reply> third = placeAsync(user);
        await().atMost(MAX_WAIT.minusMillis(100)).pollInterval(Duration.ofMillis(10)).until(() -> limit.waiting() == 1);
        REMOTE.releaseBilling();
        TestHttp.Reply reply = third.join();

        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("status").asText(), is("PAID"));
        assertAccepted(inFlight);
    }

    @Test
    void everyAnswerGivesItsTurnBack() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        assertThat(place(id, user).status(), is(201));
        assertThat(place(id, user).status(), is(200));
        assertThat(http.post("/orders", orderJson(id, user).replace("10.00", "11.00")).status(), is(409));
        assertThat(place(UUID.randomUUID(), UUID.randomUUID()).status(), is(404));
        assertThat(http.post("/orders", "{\"userId\":").status(), is(400));
        assertThat(http.get("/orders/" + id).status(), is(200));

        assertThat(limit.active(), is(0));
        assertThat(http.get("/metrics", Map.of("Accept", "text/plain")).samples("api_requests_active"), contains(0.0));
    }

    /** Holds billing and places two orders, which take both turns until billing is released. */
    private List<CompletableFuture<TestHttp.Reply>> fillTheLimit(UUID user) {
        REMOTE.holdBilling();
        List<CompletableFuture<TestHttp.Reply>> inFlight = List.of(placeAsync(user), placeAsync(user));
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.active() == 2);
        return inFlight;
    }

    /** Each placed: settled (201), or pending when billing was held past orders' timeout (202). */
    private static void assertAccepted(List<CompletableFuture<TestHttp.Reply>> orders) {
        for (CompletableFuture<TestHttp.Reply> order : orders) {
            assertThat(order.join().toString(), order.join().status(), anyOf(is(201), is(202)));
        }
    }

    private CompletableFuture<TestHttp.Reply> placeAsync(UUID user) {
        return CompletableFuture.supplyAsync(() -> place(UUID.randomUUID(), user),
                command -> Thread.ofVirtual().start(command));
    }

    private TestHttp.Reply place(UUID id, UUID user) {
        return http.post("/orders", orderJson(id, user));
    }

    private static String orderJson(UUID id, UUID user) {
        return "{\"id\":\"" + id + "\",\"userId\":\"" + user + "\",\"price\":10.00}";
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 exchange on an open socket; the response must carry a Content-Length. */
    private static RawResponse exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        int status = Integer.parseInt(in.readLine().split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        char[] body = new char[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        int read = 0;
        while (read < body.length) {
            read += in.read(body, read, body.length - read);
        }
        return new RawResponse(status, headers, new String(body));
    }
}
