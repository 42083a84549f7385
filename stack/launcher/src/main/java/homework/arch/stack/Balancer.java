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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service is to its pods, for a service that runs several replicas locally: one
 * address on 127.0.0.1 that hands each new TCP connection to the next replica in turn, skipping a
 * replica that refuses it (killed, or still starting). As with kube-proxy, a connection stays with
 * the replica it was given; requests in flight on a replica that dies fail, and the caller retries.
 */
final class Balancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final List<Integer> replicaPorts;
    private final AtomicInteger next = new AtomicInteger();

    private Balancer(ServerSocket server, List<Integer> replicaPorts) {
        this.server = server;
        this.replicaPorts = List.copyOf(replicaPorts);
    }

    /** Listens on {@code 127.0.0.1:port} for the replicas listening on {@code replicaPorts}. */
    static Balancer start(String name, int port, List<Integer> replicaPorts) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            Balancer balancer = new Balancer(server, replicaPorts);
            Thread.ofPlatform().daemon().name("balancer-" + name).start(balancer::accept);
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("The balancer of " + name + " could not listen on port " + port, e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
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
        try (client; Socket replica = connectToAReplica()) {
            if (replica == null) {
                return; // every replica refused: the client sees its connection closed, as with no ready pod
            }
            Thread upstream = Thread.ofVirtual().start(() -> pump(client, replica));
            pump(replica, client);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // one side went away; closing both ends is all there is to do
        }
    }

    /** The next replica in turn that accepts a connection, or null if none does. */
    private Socket connectToAReplica() {
        int first = Math.floorMod(next.getAndIncrement(), replicaPorts.size());
        for (int i = 0; i < replicaPorts.size(); i++) {
            int port = replicaPorts.get((first + i) % replicaPorts.size());
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
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
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
