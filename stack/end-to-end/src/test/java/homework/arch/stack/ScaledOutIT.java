package homework.arch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/**
 * The Postman collection against two replicas of every service (the shared stack), and proof that
 * the ingress spread it over them: each replica's own metrics count the JAX-RS requests it served.
 */
@ExtendWith(SharedStack.class)
class ScaledOutIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void thePostmanCollectionPassesAndEveryReplicaServesPartOfIt(Stack stack) {
        Map<String, Long> before = servedByReplica(stack);

        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("newman-replicas/report.html"), TARGET.resolve("newman-replicas/newman.log"));

        assertThat("newman reported failed assertions (target/newman-replicas/newman.log):\n" + newman.failures(),
                newman.exitCode(), is(0));
        Map<String, Long> served = new TreeMap<>();
        servedByReplica(stack).forEach((replica, count) -> served.put(replica, count - before.getOrDefault(replica, 0L)));
        assertThat(served.toString(), served.size(), is(Stack.SERVICES.size() * SharedStack.REPLICAS.each()));
        assertThat("a replica served none of the collection's requests: " + served, served.values(),
                everyItem(greaterThan(0L)));
    }

    /** Requests each replica's JAX-RS resources have handled, from its own {@code /metrics}. */
    private static Map<String, Long> servedByReplica(Stack stack) {
        Map<String, Long> served = new TreeMap<>();
        stack.replicas().forEach((name, process) -> served.put(name, restRequests(process)));
        return served;
    }

    private static long restRequests(ServiceProcess replica) {
        TestHttp.Reply reply = new TestHttp(replica.uri(), Duration.ofSeconds(10))
                .get("/metrics?scope=base", Map.of("Accept", "text/plain"));
        assertThat(replica.name() + " /metrics: " + reply, reply.status(), is(200));
        return (long) reply.metric("REST_request_seconds_count");
    }
}
