package homework.arch.notifications;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import homework.arch.stack.fixtures.ServiceProcess;

/** The services' public HTTP API, as a client of the pipeline test uses it. */
final class StackHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ServiceProcess> services;

    StackHttp(Map<String, ServiceProcess> services) {
        this.services = services;
    }

    /** A registered user with {@code balance} deposited. */
    UUID user(String email, BigDecimal balance) {
        UUID id = UUID.fromString(send("users", "POST", "/users", Map.of("name", "Pipeline", "email", email), 201)
                .get("id").asText());
        send("billing", "POST", "/billing/accounts/" + id + "/deposits", Map.of("amount", balance), 200);
        return id;
    }

    JsonNode order(UUID user, BigDecimal price) {
        return send("orders", "POST", "/orders", Map.of("userId", user, "price", price), 201);
    }

    JsonNode letters(UUID user) {
        return send("notifications", "GET", "/notifications?userId=" + user, null, 200);
    }

    /** POST /orders with a {@code traceparent} header; the raw answer, headers included. */
    HttpResponse<String> tracedOrder(UUID user, BigDecimal price, String traceparent) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("orders", "/orders")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("userId", user, "price", price)))).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double metric(String name) {
        return metric("notifications", name);
    }

    /** The sum of the samples of a Prometheus metric of one service (NaN stays NaN). */
    double metric(String service, String name) {
        String text = raw(service, HttpRequest.newBuilder(uri(service, "/metrics"))
                .header("Accept", "text/plain").GET().build(), 200);
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private JsonNode send(String service, String method, String path, Object body, int expected) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(uri(service, path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .method(method, publisher).build();
            return JSON.readTree(raw(service, request, expected));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String raw(String service, HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(service + " did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String service, String path) {
        return services.get(service).uri().resolve(path);
    }
}
