package homework.arch.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import homework.arch.stack.fixtures.UsersStub;

import static homework.arch.stack.fixtures.TestHttp.JSON;

/**
 * Billing as seen over HTTP, and users through the shared {@link UsersStub}, for the in-process
 * tier: their contract (problem bodies,
 * Idempotency-Key replay) and switches to make billing slow, held or failing. The integration tests
 * ({@code *IT}) run against the real services instead.
 */
final class RemoteServicesStub implements AutoCloseable {

    /** One withdrawal request as billing received it. */
    record Withdrawal(UUID userId, String idempotencyKey, BigDecimal amount, UUID orderId) {
    }

    private record Outcome(int status, String body) {
    }

    /** One letter request notifications received (style 1): the settled order it is about. */
    record LetterRequest(UUID orderId, UUID userId, String email, BigDecimal price, String status) {
    }

    private final HttpServer server;
    private final UsersStub users = new UsersStub();
    private final Map<UUID, BigDecimal> balances = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final List<Withdrawal> withdrawals = new CopyOnWriteArrayList<>();
    private volatile Duration billingDelay = Duration.ZERO;
    private volatile boolean billingFailing;
    private volatile CountDownLatch billingGate = new CountDownLatch(0);
    private final List<LetterRequest> letterRequests = new CopyOnWriteArrayList<>();
    private final Map<UUID, LetterRequest> letters = new ConcurrentHashMap<>();
    private volatile boolean notificationsFailing;

    RemoteServicesStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/billing/accounts/", this::withdraw);
        server.createContext("/internal/notifications", this::storeLetter);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What an in-process orders starts with: {@code database}, users and billing at this stub, a free port. */
    Map<String, String> settings(Map<String, String> database) {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("users.url", users.uri().toString());
        settings.put("billing.url", uri().toString());
        settings.put("notifications.url", uri().toString());
        settings.put("server.port", "0");
        return settings;
    }

    /** A user known to users, with a billing account holding {@code balance}. */
    UUID user(BigDecimal balance) {
        UUID id = UUID.randomUUID();
        register(id, balance);
        return id;
    }

    /** Registers {@code id} now, with a billing account holding {@code balance}. */
    void register(UUID id, BigDecimal balance) {
        users.register(id, "user-" + id + "@example.com");
        balances.put(id, balance);
    }

    /** How many times orders asked users for {@code userId}. */
    int userLookups(UUID userId) {
        return users.lookups(userId);
    }

    String email(UUID userId) {
        return users.email(userId);
    }

    BigDecimal balance(UUID userId) {
        return balances.get(userId);
    }

    /** The withdrawal requests billing received for the order {@code orderId}. */
    List<Withdrawal> withdrawals(UUID orderId) {
        return withdrawals.stream().filter(w -> orderId.equals(w.orderId())).toList();
    }

    /** The withdrawal requests billing received from the account of {@code userId}. */
    List<Withdrawal> withdrawalsOf(UUID userId) {
        return withdrawals.stream().filter(w -> userId.equals(w.userId())).toList();
    }

    void billingDelay(Duration delay) {
        billingDelay = delay;
    }

    void billingFailing(boolean failing) {
        billingFailing = failing;
    }

    /** Withdrawals wait (at most 10 s) until {@link #releaseBilling()}. */
    void holdBilling() {
        billingGate = new CountDownLatch(1);
    }

    void releaseBilling() {
        billingGate.countDown();
    }

    /** Style 1: every letter request notifications received about {@code orderId}, stored or refused. */
    List<LetterRequest> letterRequests(UUID orderId) {
        return letterRequests.stream().filter(r -> orderId.equals(r.orderId())).toList();
    }

    /** Style 1: the letter notifications stored about {@code orderId} (one per order), or null. */
    LetterRequest letter(UUID orderId) {
        return letters.get(orderId);
    }

    /** Style 1: notifications answers 503 to every letter request while failing. */
    void notificationsFailing(boolean failing) {
        notificationsFailing = failing;
    }

    /** As notifications' {@code POST /internal/notifications}: one letter per order, 201 then 200. */
    private void storeLetter(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        LetterRequest request = new LetterRequest(UUID.fromString(body.get("orderId").asText()),
                UUID.fromString(body.get("userId").asText()), body.get("email").asText(),
                body.get("price").decimalValue(), body.get("status").asText());
        letterRequests.add(request);
        if (notificationsFailing) {
            problem(exchange, 503, "dependency-unavailable", "notifications is failing on purpose");
            return;
        }
        boolean created = letters.putIfAbsent(request.orderId(), request) == null;
        send(exchange, created ? 201 : 200, "application/json", JSON.writeValueAsString(Map.of(
                "orderId", request.orderId(), "userId", request.userId(), "email", request.email())));
    }

    private void withdraw(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        UUID userId = UUID.fromString(path[3]);
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        withdrawals.add(new Withdrawal(userId, key, body.get("amount").decimalValue(),
                UUID.fromString(body.get("orderId").asText())));
        sleep(billingDelay);
        awaitGate();
        if (billingFailing) {
            problem(exchange, 503, "dependency-unavailable", "billing is failing on purpose");
            return;
        }
        Outcome outcome = outcomes.computeIfAbsent(key, k -> charge(userId, body.get("amount").decimalValue()));
        if (outcome.status() == 200) {
            send(exchange, 200, "application/json", outcome.body());
        } else {
            send(exchange, outcome.status(), "application/problem+json", outcome.body());
        }
    }

    private synchronized Outcome charge(UUID userId, BigDecimal amount) {
        BigDecimal balance = balances.get(userId);
        if (balance == null) {
            return new Outcome(404, problemBody(404, "not-found", "no account"));
        }
        if (balance.compareTo(amount) < 0) {
            return new Outcome(409, problemBody(409, "insufficient-funds", "balance too low"));
        }
        balances.put(userId, balance.subtract(amount));
        try {
            return new Outcome(200, JSON.writeValueAsString(Map.of("userId", userId, "balance",
                    balance.subtract(amount))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String problemBody(int status, String slug, String detail) {
        return "{\"type\":\"https://arch.homework/problems/" + slug + "\",\"title\":\"" + slug + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
    }

    private static void problem(HttpExchange exchange, int status, String slug, String detail) throws IOException {
        send(exchange, status, "application/problem+json", problemBody(status, slug, detail));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitGate() {
        try {
            billingGate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        users.close();
    }
}
