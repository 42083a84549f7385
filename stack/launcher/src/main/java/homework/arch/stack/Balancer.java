package homework.arch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a Kubernetes Service is to its pods, for a service that runs several replicas locally: one
 * address on 127.0.0.1 that hands each new TCP connection to the next replica in {@link Rotation}
 * (those whose readiness probe passes), skipping one that refuses the connection (killed, or still
 * starting). A connection stays with the replica it was given, as with kube-proxy, until that
 * replica leaves the rotation: then the balancer closes it. A frozen replica (SIGSTOP, a long
 * pause) still accepts connections, and the callers keep theirs alive, so without that close it
 * would keep them, and every request sent on them would wait for the caller's timeout. A request in
 * flight on a closed connection fails as a broken connection: the caller sends it again on a new
 * one, which goes to a replica in rotation. The services' gateways do that for a failed connection
 * (platform's {@code RemoteCalls}), and every call between the services may be sent twice: reads,
 * the opening of a user's account (by the user's id) and withdrawals (under the order's id as
 * {@code Idempotency-Key}), so a withdrawal the frozen replica still makes when it wakes counts once.
 */
final class Balancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final Rotation rotation;
    /** Each connection handed out, by the port of the replica it went to. */
    private final Map<Integer, Set<Connection>> connections;
    private final AtomicInteger next = new AtomicInteger();

    private Balancer(ServerSocket server, String name, List<Integer> replicaPorts) {
        this.server = server;
        this.connections = replicaPorts.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                port -> ConcurrentHashMap.newKeySet()));
        this.rotation = new Rotation(name, replicaPorts, this::closeConnectionsOutOfRotation);
    }

    /** Listens on {@code 127.0.0.1:port} for the replicas listening on {@code replicaPorts}, and starts probing them. */
    static Balancer start(String name, int port, List<Integer> replicaPorts) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            Balancer balancer = new Balancer(server, name, replicaPorts);
            balancer.rotation.start();
            Thread.ofPlatform().daemon().name("balancer-" + name).start(balancer::accept);
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("The balancer of " + name + " could not listen on port " + port, e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The addresses of the replicas in rotation (of all, while none is): where the ingress sends a service's requests. */
    List<URI> inRotation() {
        return rotation.ports().stream().map(port -> URI.create("http://127.0.0.1:" + port)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("balancer: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Connection connection = connectToAReplica(client);
            if (connection == null) {
                return; // every replica refused: the client sees its connection closed, as with no ready pod
            }
            Set<Connection> handedOut = connections.get(connection.port());
            handedOut.add(connection);
            try (Socket replica = connection.replica()) {
                if (!rotation.ports().contains(connection.port())) {
                    return; // it left the rotation while this connected, and its connections were closed then
                }
                Thread upstream = Thread.ofVirtual().start(() -> pump(client, replica));
                pump(replica, client);
                upstream.join();
            } finally {
                handedOut.remove(connection);
            }
        } catch (IOException | InterruptedException e) {
            // one side went away; closing both ends is all there is to do
        }
    }

    /** A connection to the next replica in rotation that accepts one, or null if none does. */
    private Connection connectToAReplica(Socket client) {
        List<Integer> ports = rotation.ports();
        int first = Math.floorMod(next.getAndIncrement(), ports.size());
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get((first + i) % ports.size());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                return new Connection(port, client, socket);
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Run by the rotation on every change: no connection stays with a replica that left it. */
    private void closeConnectionsOutOfRotation() {
        List<Integer> inRotation = rotation.ports();
        connections.forEach((port, handedOut) -> {
            if (!inRotation.contains(port)) {
                handedOut.forEach(Connection::close);
            }
        });
    }

    /** Copies until the source ends, then ends the output half of the target (a half-close, as TCP allows). */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        rotation.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client's connection and the one to the replica it was handed to. */
    private record Connection(int port, Socket client, Socket replica) {

        void close() {
            closeQuietly(client);
            closeQuietly(replica);
        }
    }
}
