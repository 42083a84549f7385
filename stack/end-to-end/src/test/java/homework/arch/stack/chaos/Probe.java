package homework.arch.stack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.TestHttp;

/**
 * Measures recovery end to end: a user with plenty of money places small orders until one is
 * answered and its letter arrives, i.e. until the whole path users → orders → billing → outbox →
 * Debezium → Kafka → notifications works again.
 */
final class Probe {

    private final TestHttp http;
    private final Journal journal;
    private final UUID user;

    private Probe(TestHttp http, Journal journal, UUID user) {
        this.http = http;
        this.journal = journal;
        this.user = user;
    }

    static Probe create(TestHttp http, Journal journal) {
        UUID user = UUID.randomUUID();
        String email = "probe-" + user.toString().substring(0, 8) + "@example.com";
        TestHttp.Reply created = http.post("/users", "{\"id\":\"" + user + "\",\"name\":\"Probe\",\"email\":\"" + email + "\"}", Map.of());
        Workload.awaitAccount(http, user);
        String key = "dep-" + UUID.randomUUID();
        TestHttp.Reply deposit = http.post("/billing/accounts/" + user + "/deposits", "{\"amount\":100000}",
                Map.of("Idempotency-Key", key));
        if (!created.ok() || !deposit.ok()) {
            throw new IllegalStateException("The probe user could not be set up: " + created + " / " + deposit);
        }
        journal.ackUser(user, email);
        journal.ackDeposit(new Journal.AckedDeposit(user, key, new java.math.BigDecimal("100000")));
        return new Probe(http, journal, user);
    }

    UUID user() {
        return user;
    }

    /** Milliseconds from {@code since} until a new order's letter was seen, or -1 if not within {@code within}. */
    long recovered(Instant since, Duration within) {
        Instant deadline = Instant.now().plus(within);
        UUID order = UUID.randomUUID();
        String body = "{\"id\":\"" + order + "\",\"userId\":\"" + user + "\",\"price\":1.00}";
        while (Instant.now().isBefore(deadline)) {
            TestHttp.Reply placed = http.post("/orders", body, Map.of());
            journal.record("POST", "/orders", body, null, placed);
            if (placed.ok() && placed.isJson()) {
                journal.ackOrder(new Journal.AckedOrder(order, user, new java.math.BigDecimal("1.00"),
                        placed.json().path("status").asText()));
                while (Instant.now().isBefore(deadline)) {
                    if (hasLetter(order)) {
                        return Duration.between(since, Instant.now()).toMillis();
                    }
                    Workload.sleep(250);
                }
            }
            Workload.sleep(500);
        }
        return -1;
    }

    private boolean hasLetter(UUID order) {
        TestHttp.Reply letters = http.get("/notifications?userId=" + user);
        if (letters.status() == 200 && letters.isJson()) {
            for (JsonNode letter : letters.json()) {
                if (order.toString().equals(letter.path("orderId").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
