package homework.arch.stack.ingress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import homework.arch.stack.fixtures.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * The ingress in front of services with two replicas each, as ingress-nginx in front of a
 * Service's endpoints: requests on one kept-alive client connection still alternate between the
 * replicas in rotation, one out of rotation gets none, and a replica that is down is skipped without
 * the client seeing it.
 */
class IngressBalancingTest {

    /** One client, so one kept-alive connection to the ingress: balancing must not be per connection. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<Upstream> ORDERS = List.of(new Upstream("orders-1"), new Upstream("orders-2"));
    private static final Upstream USERS = new Upstream("users-2");
    private static final List<Upstream> OTHERS = List.of(new Upstream("billing"), new Upstream("notifications"));
    private static final List<URI> BOTH_ORDERS = ORDERS.stream().map(Upstream::uri).toList();
    /** What the readiness probes say of orders' replicas: both are in rotation, unless a test takes one out. */
    private static volatile List<URI> ordersInRotation = BOTH_ORDERS;
    private static Ingress ingress;

    @BeforeAll
    static void start() {
        Map<String, Endpoints> endpoints = new LinkedHashMap<>();
        endpoints.put("orders", () -> ordersInRotation);
        // users-1 is down, and not yet out of rotation: nothing listens on its address
        endpoints.put("users", Endpoints.fixed(List.of(URI.create("http://127.0.0.1:" + Ports.free()), USERS.uri())));
        endpoints.put("billing", Endpoints.fixed(List.of(OTHERS.get(0).uri())));
        endpoints.put("notifications", Endpoints.fixed(List.of(OTHERS.get(1).uri())));
        ingress = Ingress.start(IngressSettings.onPort(Ports.free()).withUpstreamTimeout(Duration.ofMillis(700)),
                RouteTable.bundled(), endpoints);
    }

    @AfterAll
    static void stop() {
        ingress.close();
        ORDERS.forEach(Upstream::close);
        USERS.close();
        OTHERS.forEach(Upstream::close);
    }

    @BeforeEach
    void forget() {
        ORDERS.forEach(upstream -> upstream.received().clear());
        USERS.received().clear();
    }

    @Test
    void eachRequestGoesToTheNextReplicaEvenOnOneConnection() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/" + i))).statusCode(), is(200));
        }

        assertThat("orders-1 got " + ORDERS.get(0).received(), ORDERS.get(0).received(), hasSize(3));
        assertThat("orders-2 got " + ORDERS.get(1).received(), ORDERS.get(1).received(), hasSize(3));
    }

    @Test
    void aReplicaOutOfRotationGetsNoRequestUntilItIsBack() throws Exception {
        ordersInRotation = List.of(ORDERS.get(1).uri());
        try {
            for (int i = 0; i < 4; i++) {
                assertThat(send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/" + i))).statusCode(), is(200));
            }
        } finally {
            ordersInRotation = BOTH_ORDERS;
        }
        assertThat("orders-1 got " + ORDERS.get(0).received(), ORDERS.get(0).received(), is(empty()));
        assertThat(ORDERS.get(1).received(), hasSize(4));

        for (int i = 0; i < 4; i++) {
            assertThat(send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/" + i))).statusCode(), is(200));
        }
        assertThat("orders-1 got " + ORDERS.get(0).received(), ORDERS.get(0).received(), hasSize(2));
    }

    @Test
    void aReplicaThatRefusesTheConnectionIsSkippedWithTheWholeBody() throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\"}")));

            assertThat(response.body(), response.statusCode(), is(200));
        }

        assertThat(USERS.received(), hasSize(4));
        USERS.received().forEach(received -> assertThat(received.body(), is("{\"name\":\"Ann\"}")));
    }

    @Test
    void aRequestThatReachedAReplicaIsNeverSentToAnother() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(ingress.uri().resolve("/orders/slow"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.body(), response.statusCode(), is(504));
        assertThat(ORDERS.get(0).received().size() + ORDERS.get(1).received().size(), is(1));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
