package homework.arch.stack.ingress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import homework.arch.stack.fixtures.Ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real ingress in front of real HTTP servers standing in for the four services. */
class IngressTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Upstream> SERVICES = new LinkedHashMap<>();
    private static Ingress ingress;

    @BeforeAll
    static void start() {
        Map<String, List<URI>> upstreams = new LinkedHashMap<>();
        for (String service : RouteTable.bundled().services()) {
            Upstream upstream = new Upstream(service);
            SERVICES.put(service, upstream);
            upstreams.put(service, List.of(upstream.uri()));
        }
        IngressSettings settings = IngressSettings.onPort(Ports.free())
                .withUpstreamTimeout(Duration.ofMillis(700))
                .withMaxRequestBytes(64 * 1024);
        ingress = Ingress.start(settings, RouteTable.bundled(), upstreams);
    }

    @AfterAll
    static void stop() {
        ingress.close();
        SERVICES.values().forEach(Upstream::close);
    }

    @BeforeEach
    void forget() {
        SERVICES.values().forEach(upstream -> upstream.received().clear());
    }

    @Test
    void resourcePathsReachTheirServiceUnchangedWithForwardedHeaders() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/billing/accounts/42?x=1%202"))
                .header("X-Forwarded-For", "6.6.6.6")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":10}")));

        assertEquals(200, response.statusCode(), response.body());
        Upstream.Received received = SERVICES.get("billing").received().getFirst();
        assertEquals("POST", received.method());
        assertEquals("/billing/accounts/42?x=1%202", received.rawPathAndQuery());
        assertEquals("{\"amount\":10}", received.body());
        assertEquals("127.0.0.1", received.headers().getFirst("X-Forwarded-For"), "a client cannot spoof its address");
        assertEquals("http", received.headers().getFirst("X-Forwarded-Proto"));
        assertEquals("127.0.0.1:" + ingress.port(), received.headers().getFirst("X-Forwarded-Host"));
        assertEquals(String.valueOf(ingress.port()), received.headers().getFirst("X-Forwarded-Port"));
        assertTrue(received.headers().getFirst("Forwarded").contains("proto=http"));
    }

    @Test
    void statusAndHeadersOfTheServiceComeBack() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/created")));

        assertEquals(201, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"service\":\"orders\""), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "billing", "orders", "notifications"})
    void openApiPathsAreRewrittenToTheServiceDocument(String service) throws Exception {
        send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/" + service)));
        send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/" + service + "/ui/index.html?url=x")));

        assertEquals("/openapi", SERVICES.get(service).received().get(0).rawPathAndQuery());
        assertEquals("/openapi/ui/index.html?url=x", SERVICES.get(service).received().get(1).rawPathAndQuery());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/billing/accounts", "/users/../internal/x", "/users/./../internal/x",
            "/users/%2e%2e/internal/x", "/users/%2E%2E/internal/x", "/users/..%2finternal/x", "/users%2f..%2finternal/x",
            "/%69nternal/x", "//internal/x", "/./internal/x", "/users/..;/internal/x", "/users/%252e%252e/internal",
            "/openapi/users/../../internal/x", "/openapi/../internal", "/users/..\\internal/x", "/users/%5c../internal"})
    void nothingReachesInternalPaths(String rawTarget) {
        RawHttp.Reply reply = RawHttp.get(ingress.port(), rawTarget);

        assertTrue(reply.status() == 400 || reply.status() == 404, rawTarget + " -> " + reply.head());
        SERVICES.values().forEach(upstream -> upstream.received().forEach(received ->
                assertTrue(!received.rawPathAndQuery().toLowerCase().contains("internal")
                                && received.rawPathAndQuery().startsWith("/users/"),
                        rawTarget + " reached " + received.rawPathAndQuery())));
        assertTrue(reply.head().toLowerCase().contains("content-type: application/problem+json"), reply.head());
    }

    @Test
    void redirectsOfARewrittenRouteStayUnderThePublicPrefix() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/users/ui/redirect")));

        assertEquals(307, response.statusCode());
        assertEquals("/openapi/users/ui/index.html", response.headers().firstValue("Location").orElseThrow());
        assertEquals(1, response.headers().allValues("Date").size());
    }

    @Test
    void unroutedPathsAreProblem404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/health/ready")));

        assertEquals(404, response.statusCode());
        assertEquals(Problems.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":404"), response.body());
        SERVICES.values().forEach(upstream -> assertTrue(upstream.received().isEmpty()));
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheService() throws Exception {
        byte[] big = new byte[100 * 1024];
        HttpResponse<String> declared = send(HttpRequest.newBuilder(ingress.uri().resolve("/users"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(ingress.uri().resolve("/users"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertEquals(413, response.statusCode(), response.body());
            assertEquals(Problems.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"status\":413"), response.body());
        }
        assertEquals(List.of(), SERVICES.get("users").received(), "the service never sees an oversized body");
    }

    /**
     * The ingress reads the whole body before it calls the service (as nginx does by default), so a
     * service that answers before reading it cannot leave the client's connection half-read: the
     * client's next request on the same pooled connection, not one that a client may resend, works.
     */
    @Test
    void aServiceAnsweringBeforeReadingTheBodyLeavesTheClientConnectionUsable() throws Exception {
        HttpClient oneConnection = HttpClient.newHttpClient();
        byte[] body = new byte[48 * 1024];
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> early = oneConnection.send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/early"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, early.statusCode());
            HttpResponse<String> next = oneConnection.send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/created"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, next.statusCode(), next.body());
        }
        assertEquals(40, SERVICES.get("orders").received().size());
    }

    @Test
    void aSlowServiceIsAProblem504() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/slow")));

        assertEquals(504, response.statusCode(), response.body());
        assertEquals(Problems.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aServiceThatIsDownIsAProblem502() {
        Map<String, List<URI>> nowhere = new LinkedHashMap<>();
        RouteTable.bundled().services().forEach(service -> nowhere.put(service,
                List.of(URI.create("http://127.0.0.1:" + Ports.free()), URI.create("http://127.0.0.1:" + Ports.free()))));
        try (Ingress lonely = Ingress.start(IngressSettings.onPort(Ports.free()), RouteTable.bundled(), nowhere)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(lonely.uri().resolve("/users/1")));

            assertEquals(502, response.statusCode(), response.body());
            assertEquals(Problems.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
