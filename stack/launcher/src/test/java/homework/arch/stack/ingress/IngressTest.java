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

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The real ingress in front of real HTTP servers standing in for the four services. */
class IngressTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Upstream> SERVICES = new LinkedHashMap<>();
    private static Ingress ingress;

    @BeforeAll
    static void start() {
        Map<String, Endpoints> upstreams = new LinkedHashMap<>();
        for (String service : RouteTable.bundled().services()) {
            Upstream upstream = new Upstream(service);
            SERVICES.put(service, upstream);
            upstreams.put(service, Endpoints.fixed(List.of(upstream.uri())));
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

        assertThat(response.body(), response.statusCode(), is(200));
        Upstream.Received received = SERVICES.get("billing").received().getFirst();
        assertThat(received.method(), is("POST"));
        assertThat(received.rawPathAndQuery(), is("/billing/accounts/42?x=1%202"));
        assertThat(received.body(), is("{\"amount\":10}"));
        assertThat("a client cannot spoof its address", received.headers().getFirst("X-Forwarded-For"), is("127.0.0.1"));
        assertThat(received.headers().getFirst("X-Forwarded-Proto"), is("http"));
        assertThat(received.headers().getFirst("X-Forwarded-Host"), is("127.0.0.1:" + ingress.port()));
        assertThat(received.headers().getFirst("X-Forwarded-Port"), is(String.valueOf(ingress.port())));
        assertThat(received.headers().getFirst("Forwarded"), containsString("proto=http"));
    }

    @Test
    void statusAndHeadersOfTheServiceComeBack() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/created")));

        assertThat(response.statusCode(), is(201));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is("application/json"));
        assertThat(response.body(), containsString("\"service\":\"orders\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "billing", "orders", "notifications"})
    void openApiPathsAreRewrittenToTheServiceDocument(String service) throws Exception {
        send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/" + service)));
        send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/" + service + "/ui/index.html?url=x")));

        assertThat(SERVICES.get(service).received().get(0).rawPathAndQuery(), is("/openapi"));
        assertThat(SERVICES.get(service).received().get(1).rawPathAndQuery(), is("/openapi/ui/index.html?url=x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/billing/accounts", "/users/../internal/x", "/users/./../internal/x",
            "/users/%2e%2e/internal/x", "/users/%2E%2E/internal/x", "/users/..%2finternal/x", "/users%2f..%2finternal/x",
            "/%69nternal/x", "//internal/x", "/./internal/x", "/users/..;/internal/x", "/users/%252e%252e/internal",
            "/openapi/users/../../internal/x", "/openapi/../internal", "/users/..\\internal/x", "/users/%5c../internal",
            "/internal/notifications/parked-events/redrive", "/notifications/../internal/notifications/parked-events/redrive"})
    void nothingReachesInternalPaths(String rawTarget) {
        RawHttp.Reply reply = RawHttp.get(ingress.port(), rawTarget);

        assertThat(rawTarget + " -> " + reply.head(), reply.status(), anyOf(is(400), is(404)));
        SERVICES.values().forEach(upstream -> upstream.received().forEach(received -> {
            String reached = rawTarget + " reached " + received.rawPathAndQuery();
            assertThat(reached, received.rawPathAndQuery().toLowerCase(), not(containsString("internal")));
            assertThat(reached, received.rawPathAndQuery(), startsWith("/users/"));
        }));
        assertThat(reply.head(), reply.head().toLowerCase(), containsString("content-type: application/problem+json"));
    }

    @Test
    void redirectsOfARewrittenRouteStayUnderThePublicPrefix() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/openapi/users/ui/redirect")));

        assertThat(response.statusCode(), is(307));
        assertThat(response.headers().firstValue("Location").orElseThrow(), is("/openapi/users/ui/index.html"));
        assertThat(response.headers().allValues("Date"), hasSize(1));
    }

    @Test
    void unroutedPathsAreProblem404() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/health/ready")));

        assertThat(response.statusCode(), is(404));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is(Problems.MEDIA_TYPE));
        assertThat(response.body(), containsString("\"status\":404"));
        SERVICES.values().forEach(upstream -> assertThat(upstream.received(), is(empty())));
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheService() throws Exception {
        byte[] big = new byte[100 * 1024];
        HttpResponse<String> declared = send(HttpRequest.newBuilder(ingress.uri().resolve("/users"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(ingress.uri().resolve("/users"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.body(), response.statusCode(), is(413));
            assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is(Problems.MEDIA_TYPE));
            assertThat(response.body(), containsString("\"status\":413"));
        }
        assertThat("the service never sees an oversized body", SERVICES.get("users").received(), is(empty()));
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
            assertThat(early.statusCode(), is(413));
            HttpResponse<String> next = oneConnection.send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/created"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.body(), next.statusCode(), is(201));
        }
        assertThat(SERVICES.get("orders").received(), hasSize(40));
    }

    @Test
    void aSlowServiceIsAProblem504() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/slow")));

        assertThat(response.body(), response.statusCode(), is(504));
        assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is(Problems.MEDIA_TYPE));
    }

    @Test
    void aServiceThatIsDownIsAProblem502() {
        Map<String, Endpoints> nowhere = new LinkedHashMap<>();
        RouteTable.bundled().services().forEach(service -> nowhere.put(service, Endpoints.fixed(
                List.of(URI.create("http://127.0.0.1:" + Ports.free()), URI.create("http://127.0.0.1:" + Ports.free())))));
        try (Ingress lonely = Ingress.start(IngressSettings.onPort(Ports.free()), RouteTable.bundled(), nowhere)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(lonely.uri().resolve("/users/1")));

            assertThat(response.body(), response.statusCode(), is(502));
            assertThat(response.headers().firstValue("Content-Type").orElseThrow(), is(Problems.MEDIA_TYPE));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
