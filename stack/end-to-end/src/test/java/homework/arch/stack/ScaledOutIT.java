package homework.arch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The Postman collection against two replicas of every service (the shared stack), and proof that
 * the ingress spread it over them: each replica's own metrics count the JAX-RS requests it served.
 * A frozen replica leaves the rotation, and comes back when it is let go.
 */
@ExtendWith(SharedStack.class)
class ScaledOutIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    /** The rotation's 3 s for a replica that stops answering, and some. */
    private static final Duration OUT_OF_ROTATION = Duration.ofSeconds(5);
    /** Half the services' read timeout (2 s): a request that waited on the frozen replica takes longer. */
    private static final long PROMPT_MILLIS = 1_000;

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

    /**
     * billing-1 frozen (SIGSTOP) still accepts connections: the ingress must stop sending it requests,
     * and billing's balancer must close the connections users kept to it and send users' new ones to
     * billing-2. So once it is out of rotation, registrations (users calls billing) and account reads
     * (the ingress calls billing) are answered at once, none waiting for a timeout; let go, it serves again.
     */
    @Test
    void aFrozenReplicaLeavesTheRotationAndComesBackWhenLetGo(Stack stack) throws InterruptedException {
        TestHttp http = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        ServiceProcess frozen = stack.replicas().get("billing-1");
        for (int i = 0; i < 4; i++) {
            register(http); // users now keeps connections to both billing replicas
        }
        List<TestHttp.Reply> replies = new ArrayList<>();
        frozen.freeze();
        try {
            Thread.sleep(OUT_OF_ROTATION.toMillis());
            for (int i = 0; i < 10; i++) {
                TestHttp.Reply registered = register(http);
                replies.add(registered);
                replies.add(http.get("/billing/accounts/" + registered.json().get("id").asText()));
            }
        } finally {
            frozen.thaw();
        }
        replies.forEach(reply -> {
            assertThat(reply.toString(), reply.ok(), is(true));
            assertThat(reply.toString(), reply.millis(), lessThan(PROMPT_MILLIS));
        });

        long served = restRequests(frozen);
        String account = "/billing/accounts/" + replies.getLast().json().get("userId").asText();
        await("billing-1 serving again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            http.get(account);
            return restRequests(frozen) > served;
        });
    }

    private static TestHttp.Reply register(TestHttp http) {
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = http.post("/users", "{\"id\":\"" + id + "\",\"name\":\"Frozen\",\"email\":\"" + id
                + "@example.com\"}");
        assertThat(reply.toString(), reply.status(), is(201));
        return reply;
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
