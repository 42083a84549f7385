package homework.arch.stack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpServer;
import homework.arch.stack.fixtures.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local stand-in for a Kubernetes Service: new connections go to each replica in turn, never to one that is down. */
class BalancerTest {

    private final List<HttpServer> replicas = new ArrayList<>();
    private Balancer balancer;

    @AfterEach
    void stop() {
        replicas.forEach(replica -> replica.stop(0));
        if (balancer != null) {
            balancer.close();
        }
    }

    @Test
    void newConnectionsGoToEachReplicaInTurn() throws Exception {
        balancer = Balancer.start("test", Ports.free(), List.of(replica("a"), replica("b"), replica("c")));
        assertThat(answers(9), is(Map.of("a", 3, "b", 3, "c", 3)));
    }

    @Test
    void aReplicaThatIsDownIsSkipped() throws Exception {
        balancer = Balancer.start("test", Ports.free(), List.of(replica("a"), replica("b"), Ports.free()));
        replicas.getFirst().stop(0);
        assertThat(answers(6), is(Map.of("b", 6)));
    }

    /** Who answered {@code count} requests, each on a new connection. */
    private Map<String, Integer> answers(int count) throws Exception {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(balancer.uri().resolve("/who"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                answers.merge(reply.body(), 1, Integer::sum);
            }
        }
        return answers;
    }

    private int replica(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/who", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        replicas.add(server);
        return server.getAddress().getPort();
    }
}
