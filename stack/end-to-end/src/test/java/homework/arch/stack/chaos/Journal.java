package homework.arch.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import homework.arch.stack.fixtures.TestHttp;

/**
 * Every request the load sent and what came back, and what the clients were told: the deposits and
 * orders acknowledged with a 2xx, whose effects must all be found afterwards.
 */
public final class Journal {

    /** One request and its answer; {@code phase} is the fault being injected when it was sent. */
    public record Exchange(String at, String phase, String method, String path, String request, String key,
                           int status, String response, String error, long millis) {
    }

    public record AckedDeposit(UUID userId, String key, BigDecimal amount) {
    }

    public record AckedOrder(UUID id, UUID userId, BigDecimal price, String status) {
    }

    /** What one phase's clients did and saw. */
    public static final class PhaseCounts {
        public final AtomicInteger ordersSent = new AtomicInteger();
        public final AtomicInteger depositsSent = new AtomicInteger();
        public final AtomicInteger requests = new AtomicInteger();
        public final AtomicInteger clientErrors = new AtomicInteger();
        public final AtomicInteger pendingAnswers = new AtomicInteger();
        public final AtomicInteger gaveUp = new AtomicInteger();
    }

    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Map<String, AckedDeposit> deposits = new ConcurrentHashMap<>();
    private final Map<UUID, AckedOrder> orders = new ConcurrentHashMap<>();
    private final Map<UUID, String> users = new ConcurrentHashMap<>();
    private final Map<String, PhaseCounts> phases = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    private volatile String phase = "setup";

    /** Something a client saw that breaks the contract at once (e.g. a replay answered differently). */
    public void anomaly(String description) {
        anomalies.add(phase + ": " + description);
    }

    public List<String> anomalies() {
        return new ArrayList<>(anomalies);
    }

    public void phase(String name) {
        phase = name;
    }

    public String phase() {
        return phase;
    }

    public PhaseCounts counts(String phaseName) {
        return phases.computeIfAbsent(phaseName, name -> new PhaseCounts());
    }

    public void record(String method, String path, String request, String key, TestHttp.Reply reply) {
        exchanges.add(new Exchange(Instant.now().toString(), phase, method, path, request, key, reply.status(), reply.text(),
                reply.error(), reply.millis()));
        PhaseCounts counts = counts(phase);
        counts.requests.incrementAndGet();
        if (reply.unknownOutcome()) {
            counts.clientErrors.incrementAndGet();
        }
    }

    public void ackDeposit(AckedDeposit deposit) {
        deposits.put(deposit.key(), deposit);
    }

    public void ackOrder(AckedOrder order) {
        orders.merge(order.id(), order, (first, later) -> "PENDING".equals(first.status()) ? later : first);
    }

    public void ackUser(UUID id, String email) {
        users.put(id, email);
    }

    public Map<String, AckedDeposit> deposits() {
        return Map.copyOf(deposits);
    }

    public Map<UUID, AckedOrder> orders() {
        return Map.copyOf(orders);
    }

    public Map<UUID, String> users() {
        return Map.copyOf(users);
    }

    public List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** All exchanges as JSON lines, for reading back what a client saw. */
    public void write(Path file) {
        try (Writer out = Files.newBufferedWriter(file)) {
            for (Exchange exchange : exchanges) {
                out.write(TestHttp.JSON.writeValueAsString(exchange));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
