package homework.arch.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.platform.web.RequestLimit;
import homework.arch.stack.fixtures.TestDatabase;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * orders takes two API requests at once here ({@code api.max-concurrent-requests}), and two more may
 * wait a second for a turn. Billing, held in the stub, keeps the first two in flight.
 */
@HelidonTest
class RequestLimitTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    RequestLimit limit;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(DB);
        settings.put("settler.interval", "PT1H");
        settings.put("api.max-concurrent-requests", "2");
        settings.put("api.max-wait", MAX_WAIT.toString());
        return TestDatabase.configSource(settings);
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
    void beyondTheLimitAndTheWaitARequestGetsA503ProblemAndNothingIsDone() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        double shedBefore = metric("api_requests_shed_total");
        List<CompletableFuture<HttpResponse<String>>> inFlight = fillTheLimit(user);

        assertEquals(200, get("/health/ready").statusCode(), "the probes are never held back");

        UUID refused = UUID.randomUUID();
        long started = System.nanoTime();
        HttpResponse<String> response = place(refused, user);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
        JsonNode problem = TestJson.MAPPER.readTree(response.body());
        assertTrue(problem.get("type").asText().endsWith("/overloaded"), response.body());
        assertEquals(503, problem.get("status").asInt());
        assertTrue(waited.compareTo(MAX_WAIT.minusMillis(100)) >= 0, "it waited for a turn first: " + waited);

        REMOTE.releaseBilling();
        for (CompletableFuture<HttpResponse<String>> order : inFlight) {
            assertTrue(accepted(order.get()), order.get().body());
        }
        assertEquals(404, get("/orders/" + refused).statusCode(), "the refused order was not stored");
        assertTrue(REMOTE.withdrawals(refused).isEmpty(), "nor charged");
        assertEquals(1, metric("api_requests_shed_total") - shedBefore, "the one refused request was counted");
    }

    @Test
    void whenAsManyWaitAsRunTheNextIsRefusedAtOnceOnAConnectionThatStaysOpen() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        List<CompletableFuture<HttpResponse<String>>> running = fillTheLimit(user);
        List<CompletableFuture<HttpResponse<String>>> waiting = List.of(placeAsync(user), placeAsync(user));
        await().atMost(MAX_WAIT.minusMillis(100)).pollInterval(Duration.ofMillis(10)).until(() -> limit.waiting() == 2);

        UUID refused = UUID.randomUUID();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            String body = orderJson(refused, user);
            long started = System.nanoTime();
            RawResponse response = exchange(socket, "POST /orders HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, response.status(), response.body());
            assertTrue(took.compareTo(MAX_WAIT) < 0, "no wait when the queue is full: " + took);
            assertFalse("close".equalsIgnoreCase(response.headers().get("connection")), response.headers().toString());

            RawResponse next = exchange(socket, "GET /health/ready HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertEquals(200, next.status(), "the same connection answers the next request");
        }
        for (CompletableFuture<HttpResponse<String>> order : waiting) {
            assertEquals(503, order.get().statusCode(), "their turn did not come within the wait");
        }
        REMOTE.releaseBilling();
        for (CompletableFuture<HttpResponse<String>> order : running) {
            assertTrue(accepted(order.get()), order.get().body());
        }
        assertEquals(404, get("/orders/" + refused).statusCode(), "the refused order was not stored");
    }

    @Test
    void aRequestThatFindsTheLimitFullWaitsForATurn() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        List<CompletableFuture<HttpResponse<String>>> inFlight = fillTheLimit(user);

        CompletableFuture<HttpResponse<String>> third = placeAsync(user);
        await().atMost(MAX_WAIT.minusMillis(100)).pollInterval(Duration.ofMillis(10)).until(() -> limit.waiting() == 1);
        REMOTE.releaseBilling();
        HttpResponse<String> response = third.get();

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("PAID", TestJson.MAPPER.readTree(response.body()).get("status").asText());
        for (CompletableFuture<HttpResponse<String>> order : inFlight) {
            assertTrue(accepted(order.get()), order.get().body());
        }
    }

    @Test
    void everyAnswerGivesItsTurnBack() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        assertEquals(201, place(id, user).statusCode());
        assertEquals(200, place(id, user).statusCode());
        assertEquals(409, post(orderJson(id, user).replace("10.00", "11.00")).statusCode());
        assertEquals(404, place(UUID.randomUUID(), UUID.randomUUID()).statusCode());
        assertEquals(400, post("{\"userId\":").statusCode());
        assertEquals(200, get("/orders/" + id).statusCode());

        assertEquals(0, limit.active());
        assertEquals(0, metric("api_requests_active"));
    }

    /** Holds billing and places two orders, which take both turns until billing is released. */
    private List<CompletableFuture<HttpResponse<String>>> fillTheLimit(UUID user) {
        REMOTE.holdBilling();
        List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(placeAsync(user), placeAsync(user));
        await().atMost(Duration.ofSeconds(5)).until(() -> limit.active() == 2);
        return inFlight;
    }

    /** Placed: settled (201), or pending when billing was held past orders' timeout (202). */
    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 201 || response.statusCode() == 202;
    }

    private CompletableFuture<HttpResponse<String>> placeAsync(UUID user) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return place(UUID.randomUUID(), user);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, command -> Thread.ofVirtual().start(command));
    }

    private HttpResponse<String> place(UUID id, UUID user) throws IOException, InterruptedException {
        return post(orderJson(id, user));
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/orders")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String orderJson(UUID id, UUID user) {
        return "{\"id\":\"" + id + "\",\"userId\":\"" + user + "\",\"price\":10.00}";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String name) throws IOException, InterruptedException {
        String metrics = send(HttpRequest.newBuilder(uri("/metrics")).header("Accept", "text/plain").GET()).body();
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + metrics));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private static int port() {
        return CDI.current().select(ServerCdiExtension.class).get().port();
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
