package homework.arch.stack.benchmark;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import homework.arch.stack.fixtures.TestHttp;

/** The benchmark's calls on the public API through the ingress, for seeding and for reading results back. */
final class Api {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    private final TestHttp http;

    Api(URI base) {
        this.http = new TestHttp(base);
    }

    JsonNode post(String path, String json, int expectedStatus) {
        return expect("POST", path, http.post(path, json, JSON), expectedStatus);
    }

    JsonNode postIdempotent(String path, String json, String idempotencyKey, int expectedStatus) {
        return expect("POST", path, http.post(path, json, Map.of("Accept", "application/json",
                "Idempotency-Key", idempotencyKey)), expectedStatus);
    }

    /** A POST whose answer the caller judges, once. */
    TestHttp.Reply attempt(String path, String json) {
        return http.post(path, json, JSON);
    }

    /** A GET whose answer the caller judges, once. */
    TestHttp.Reply attempt(String path) {
        return http.get(path, JSON);
    }

    /**
     * A read, retried for up to two minutes while the answer is a timeout or a 5xx: right after an
     * overload phase the services are still draining what they had accepted.
     */
    JsonNode get(String path) {
        return expect("GET", path, read(path), 200);
    }

    /**
     * Every item of a paged list ({@code path} with its filter), 500 a page, following each page's
     * {@code Link rel="next"} to the end; each page read as {@link #get} reads.
     */
    ArrayNode list(String path) {
        ArrayNode items = TestHttp.JSON.createArrayNode();
        String page = path + (path.contains("?") ? "&" : "?") + "limit=500";
        while (page != null) {
            TestHttp.Reply reply = read(page);
            items.addAll((ArrayNode) expect("GET", page, reply, 200));
            page = reply.nextLink().orElse(null);
        }
        return items;
    }

    /** A read, retried for up to two minutes while the answer is a timeout or a 5xx. */
    private TestHttp.Reply read(String path) {
        for (int attempt = 1; ; attempt++) {
            TestHttp.Reply reply = http.get(path, JSON);
            if (attempt == 40 || !reply.unknownOutcome()) {
                return reply;
            }
            pause();
        }
    }

    private JsonNode expect(String method, String path, TestHttp.Reply reply, int expectedStatus) {
        String request = method + " " + http.base().resolve(path);
        if (reply.status() == 0) {
            throw new IllegalStateException(request + " failed: " + reply.error());
        }
        if (reply.status() != expectedStatus) {
            throw new IllegalStateException(request + " answered " + reply.status() + ": " + reply.text());
        }
        return reply.json();
    }

    private static void pause() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
