package homework.arch.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Which replicas of a service are in rotation, that is, get new connections and requests: a
 * Kubernetes Service's ready endpoints, kept by a readiness probe of each replica, as a kubelet's
 * {@code readinessProbe}: {@code GET /health/ready} on the replica's port every 1 s ({@link #PERIOD}),
 * with 1 s ({@link #TIMEOUT}) to connect and answer; 200 to 399 passes, anything else (503, a refused
 * connection, no answer in time) fails. 2 failures in a row ({@link #FAILURE_THRESHOLD}) take a
 * replica out, 1 success ({@link #SUCCESS_THRESHOLD}) brings it back. So a replica that answers 503
 * is out within about 2 s, and one that stops answering (SIGSTOP, a long pause) within about 3 s,
 * though the kernel still accepts TCP connections to it into the backlog. Before its first probe a
 * replica is in rotation; one still starting fails its probes and is out until its first ready answer.
 *
 * <p>While no replica is in rotation, all of them are (as Envoy's panic mode, and nginx when every
 * upstream has failed): a service whose replicas all fail readiness at once has lost what they share
 * (PostgreSQL, in this system), or this machine is too busy for the probes to answer in time, and
 * the replicas' own 503 problems tell the caller more than a refused connection would.
 */
final class Rotation implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final int FAILURE_THRESHOLD = 2;
    static final int SUCCESS_THRESHOLD = 1;

    private final String service;
    private final List<Replica> replicas;
    private final List<Integer> all;
    private final Runnable onChange;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private volatile boolean closed;

    /** {@code onChange} runs, on a probe's thread, each time a replica leaves the rotation or comes back. */
    Rotation(String service, List<Integer> ports, Runnable onChange) {
        this.service = service;
        this.replicas = ports.stream().map(Replica::new).toList();
        this.all = List.copyOf(ports);
        this.onChange = onChange;
    }

    /** Starts probing, one virtual thread per replica. */
    void start() {
        replicas.forEach(replica -> Thread.ofVirtual().name("readiness-" + service + "-" + replica.port)
                .start(() -> probe(replica)));
    }

    /** The ports that take new connections, in order: those of the replicas in rotation, or all while none is. */
    List<Integer> ports() {
        List<Integer> in = replicas.stream().filter(replica -> replica.inRotation).map(replica -> replica.port).toList();
        return in.isEmpty() ? all : in;
    }

    private void probe(Replica replica) {
        long next = System.nanoTime();
        while (!closed) {
            String failure = failure(replica.port);
            if (closed) {
                return;
            }
            boolean starting = replica.starting();
            if (replica.count(failure == null)) {
                if (!starting) {
                    System.out.println("balancer of " + service + ": 127.0.0.1:" + replica.port
                            + (replica.inRotation ? " is back in rotation" : " is out of rotation (" + failure + ")"));
                }
                onChange.run();
            }
            next = Math.max(next + PERIOD.toNanos(), System.nanoTime());
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Why the replica is not ready, or null if it is. */
    private String failure(int port) {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 400 ? null : "readiness answered " + status;
        } catch (IOException e) {
            return "readiness: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        closed = true;
        http.shutdownNow();
    }

    /** A replica's place in the rotation; the counts are its probe thread's alone. */
    private static final class Replica {

        private final int port;
        private volatile boolean inRotation = true;
        private int failures;
        private int successes;
        private boolean everReady;

        Replica(int port) {
            this.port = port;
        }

        /** Counts one probe; true if it moved the replica out of the rotation or back in. */
        boolean count(boolean ready) {
            everReady |= ready;
            failures = ready ? 0 : failures + 1;
            successes = ready ? successes + 1 : 0;
            if (inRotation && failures >= FAILURE_THRESHOLD || !inRotation && successes >= SUCCESS_THRESHOLD) {
                inRotation = !inRotation;
                return true;
            }
            return false;
        }

        /** Before its first ready answer: out of rotation (after the failures) and back in then is only its start. */
        boolean starting() {
            return !everReady;
        }
    }
}
