package homework.arch.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for the users service's {@code GET /internal/users/{id}}: a real HTTP server on a free port. */
final class UsersStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<UUID, String> emails = new ConcurrentHashMap<>();

    UsersStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/users/", this::user);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    UUID user(String email) {
        UUID id = UUID.randomUUID();
        emails.put(id, email);
        return id;
    }

    private void user(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/internal/users/".length());
        String email = emails.get(UUID.fromString(id));
        String body = email == null
                ? "{\"type\":\"https://arch.homework/problems/not-found\",\"title\":\"User not found\",\"status\":404}"
                : "{\"id\":\"" + id + "\",\"name\":\"Ann\",\"email\":\"" + email + "\",\"createdAt\":\"2025-01-01T00:00:00Z\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", email == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(email == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
