package homework.arch.stack.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON client that never throws: a reply has a status, or status 0 and the transport error. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One answer; {@code body} is null unless it was JSON. */
    public record Reply(int status, String contentType, String text, JsonNode body, String error, long millis) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** No answer, or a 5xx: the client cannot know what happened. */
        public boolean unknownOutcome() {
            return status == 0 || status >= 500;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final Duration timeout;

    public Http(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, String json, Map<String, String> headers) {
        return send("POST", path, json, headers);
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), headers);
    }

    public Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::setHeader);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !response.body().isBlank()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (IOException e) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), type, response.body(), json, null, elapsed(started));
        } catch (IOException e) {
            return new Reply(0, "", "", null, e.toString(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "", "", null, "interrupted", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
