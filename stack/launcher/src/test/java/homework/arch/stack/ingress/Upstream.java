package homework.arch.stack.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server standing in for a service: it records what reached it and echoes it back. */
final class Upstream implements AutoCloseable {

    record Received(String method, String rawPathAndQuery, Headers headers, String body) {
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    Upstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (raw.endsWith("/early")) {
            // Like a service refusing a body by its declared size: it answers without reading it.
            received.add(new Received(exchange.getRequestMethod(), raw, exchange.getRequestHeaders(), ""));
            exchange.sendResponseHeaders(413, -1);
            exchange.close();
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), raw, exchange.getRequestHeaders(), body));
        if (raw.contains("slow")) {
            sleep(3_000);
        }
        byte[] reply = ("{\"service\":\"" + name + "\",\"path\":\"" + raw + "\",\"body\":\"" + body.length() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        if (raw.endsWith("/redirect")) {
            exchange.getResponseHeaders().add("Location", "/openapi/ui/index.html");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(raw.contains("created") ? 201 : 200, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
