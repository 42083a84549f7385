package homework.arch.stack.fuzz;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.SharedStack;
import homework.arch.stack.Stack;
import homework.arch.stack.chaos.Databases;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Generated malformed requests to every public endpoint, through the ingress and on each service's
 * own port. Every answer must be a 4xx {@code application/problem+json} naming its status, never a
 * 5xx and never silence; and no table of any database may change. The seed is printed; rerun a
 * failure with {@code -Dfuzz.seed=N}.
 */
@ExtendWith(SharedStack.class)
class FuzzIT {

    private static final int THROUGH_INGRESS = Integer.getInteger("fuzz.per-endpoint", 500);
    private static final int DIRECT = Integer.getInteger("fuzz.per-endpoint-direct", 100);

    @Test
    void malformedRequestsGetA4xxProblemAndChangeNothing(Stack stack) throws InterruptedException {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[fuzz] seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        UUID user = UUID.randomUUID();
        assertThat(ingress.post("/users", "{\"id\":\"" + user + "\",\"name\":\"Fuzz\",\"email\":\"fuzz@example.com\"}",
                Map.of()).status(), is(201));
        assertThat(ingress.post("/billing/accounts/" + user + "/deposits", "{\"amount\":10}", Map.of()).status(), is(200));
        Databases databases = new Databases(stack);
        databases.awaitSettled(Duration.ofSeconds(60)); // the shared stack's earlier orders get their letters first
        Map<String, String> before = databases.fingerprint();

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> dropped = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> sent = Collections.synchronizedMap(new LinkedHashMap<>());
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Generator viaIngress = new Generator(seed, user, true);
        Generator direct = new Generator(seed + 1, user, false);
        for (Endpoint endpoint : Endpoint.all(user)) {
            TestHttp service = new TestHttp(stack.services().get(endpoint.name().substring(0, endpoint.name().indexOf('.'))),
                    Duration.ofSeconds(30));
            submit(clients, ingress, "ingress", viaIngress.requests(endpoint, THROUGH_INGRESS), failures, dropped, sent);
            submit(clients, service, "direct", direct.requests(endpoint, DIRECT), failures, dropped, sent);
        }
        clients.shutdown();
        assertThat("the fuzz requests did not finish", clients.awaitTermination(10, TimeUnit.MINUTES), is(true));
        Map<String, String> after = databases.fingerprint();

        System.out.println("[fuzz] requests per endpoint and target: " + sent);
        System.out.println("[fuzz] " + dropped.size() + " connections closed before an answer (each request was sent "
                + "again and judged by that answer):\n" + String.join("\n", dropped));
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        assertThat("more than 1 in 500 requests found their connection closed (seed "
                + seed + "):\n" + String.join("\n", dropped), dropped.size() * 500, lessThanOrEqualTo(total));
        assertThat(failures.size() + " malformed requests were not answered with a 4xx problem (seed " + seed + "):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))), failures.size(), is(0));
        assertThat("malformed requests changed a database (seed " + seed + ")", after, is(before));
    }

    /**
     * Sends each request; a connection closed before any answer byte is counted and the request sent
     * once more (a client's retry), and judged by that answer. Through the ingress a few requests,
     * mostly with a method the endpoint lacks, meet this, about 1 in 2000 (docs/guarantees.md, gaps).
     */
    private static void submit(ExecutorService clients, TestHttp http, String target, List<Malformed> requests,
                               List<String> failures, List<String> dropped, Map<String, Integer> sent) {
        for (Malformed request : requests) {
            clients.submit(() -> {
                TestHttp.Reply reply = send(http, request);
                if (reply.status() == 0 && reply.error() != null && reply.error().contains("received no bytes")) {
                    dropped.add(target + ": " + request.describe() + " -> " + reply.error());
                    reply = send(http, request);
                }
                sent.merge(request.endpoint() + " " + target, 1, Integer::sum);
                String problem = verdict(reply);
                if (problem != null) {
                    failures.add(target + ": " + request.describe() + "\n    -> " + problem);
                }
            });
        }
    }

    static TestHttp.Reply send(TestHttp http, Malformed request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(request.body()))
                : HttpRequest.BodyPublishers.ofString(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(http.base() + request.path())).method(request.method(), body);
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.contentType() != null) {
            headers.put("Content-Type", request.contentType());
        }
        if (request.idempotencyKey() != null) {
            headers.put("Idempotency-Key", request.idempotencyKey());
        }
        return http.send(builder, headers);
    }

    /** Null when the reply is a proper 4xx problem, else what is wrong with it. */
    static String verdict(TestHttp.Reply reply) {
        String shown = reply.status() + " " + reply.contentType() + " "
                + (reply.error() != null ? reply.error() : reply.text().substring(0, Math.min(200, reply.text().length())));
        if (reply.status() < 400 || reply.status() > 499) {
            return "not a 4xx: " + shown;
        }
        if (!reply.contentType().startsWith("application/problem+json") || !reply.isJson()
                || reply.json().path("status").asInt() != reply.status() || !reply.json().hasNonNull("title")) {
            return "not a problem+json naming its status: " + shown;
        }
        return null;
    }
}
