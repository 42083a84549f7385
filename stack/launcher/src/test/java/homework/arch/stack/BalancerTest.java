package homework.arch.stack;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import homework.arch.stack.fixtures.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The local stand-in for a Kubernetes Service: new connections go to each replica in rotation in
 * turn, never to one that is down; a replica whose readiness fails, or which stops answering, leaves
 * the rotation with the connections it had, and comes back when it recovers.
 */
class BalancerTest {

    /** Far more than the rotation needs (about 2 s for a 503, 3 s for no answer): a busy machine is slow, not wrong. */
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final List<Replica> replicas = new ArrayList<>();
    private Balancer balancer;

    @AfterEach
    void stop() {
        replicas.forEach(Replica::stop);
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
        replicas.getFirst().stop();
        assertThat(answers(6), is(Map.of("b", 6)));
    }

    @Test
    void aReplicaWhoseReadinessFailsGetsNoNewConnectionUntilItPassesAgain() throws Exception {
        balancer = Balancer.start("test", Ports.free(), List.of(replica("a"), replica("b")));
        Replica a = replicas.get(0);
        Replica b = replicas.get(1);

        a.readiness = 503;
        assertThat("a out of rotation", eventually(() -> balancer.inRotation().equals(List.of(b.uri()))), is(true));
        assertThat(answers(6), is(Map.of("b", 6)));

        a.readiness = 200;
        assertThat("a back in rotation", eventually(() -> balancer.inRotation().size() == 2), is(true));
        assertThat(answers(4), is(Map.of("a", 2, "b", 2)));
    }

    @Test
    void aReplicaThatStopsAnsweringLosesItsConnectionsAndNewOnesGoToTheOther() throws Exception {
        balancer = Balancer.start("test", Ports.free(), List.of(replica("a"), replica("b")));
        Replica a = replicas.get(0);
        try (Socket pinned = new Socket(InetAddress.getLoopbackAddress(), balancer.uri().getPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(pinned.getInputStream(), StandardCharsets.UTF_8));
            assertThat("the first connection goes to the first replica", who(pinned, in), is("a"));

            a.freeze();
            pinned.setSoTimeout((int) WITHIN.toMillis());
            assertThat("the kept-alive connection to a is closed once a is out of rotation", closed(in), is(true));
        }
        assertThat(balancer.inRotation(), is(List.of(replicas.get(1).uri())));
        assertThat("each on a new connection, none waiting on a", answers(6), is(Map.of("b", 6)));

        a.thaw();
        assertThat("a back in rotation", eventually(() -> balancer.inRotation().size() == 2), is(true));
        assertThat(answers(4), is(Map.of("a", 2, "b", 2)));
    }

    @Test
    void whileNoReplicaIsInRotationEveryReplicaGetsConnections() throws Exception {
        balancer = Balancer.start("test", Ports.free(), List.of(replica("a"), replica("b")));
        replicas.get(0).readiness = 503;
        assertThat("a out of rotation", eventually(() -> balancer.inRotation().size() == 1), is(true));

        replicas.get(1).readiness = 503;
        assertThat("b out of rotation too", eventually(() -> balancer.inRotation().size() == 2), is(true));
        assertThat(answers(4), is(Map.of("a", 2, "b", 2)));
    }

    /** Who answered {@code count} requests, each on a new connection; a request that waits 5 s fails. */
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

    /** Asks who answers on a kept-alive connection. */
    private static String who(Socket socket, BufferedReader in) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /who HTTP/1.1\r\nHost: balancer\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int length = 0;
        for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }

    /** Whether the other end closed the connection before the socket's read timeout. */
    private static boolean closed(BufferedReader in) {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private int replica(String name) throws IOException {
        Replica replica = new Replica(name);
        replicas.add(replica);
        return replica.server.getAddress().getPort();
    }

    /** A replica that says its name on {@code /who}, is as ready as told, and can be frozen as by SIGSTOP. */
    private static final class Replica {

        private final HttpServer server;
        private volatile int readiness = 200;
        private volatile CountDownLatch frozen = new CountDownLatch(0);

        Replica(String name) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/who", exchange -> answer(exchange, 200, name));
            server.createContext("/health/ready", exchange -> answer(exchange, readiness, "{}"));
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void freeze() {
            frozen = new CountDownLatch(1);
        }

        void thaw() {
            frozen.countDown();
        }

        void stop() {
            thaw();
            server.stop(0);
        }

        private void answer(HttpExchange exchange, int status, String text) throws IOException {
            try {
                frozen.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
