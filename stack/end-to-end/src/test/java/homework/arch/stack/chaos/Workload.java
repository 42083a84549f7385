package homework.arch.stack.chaos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import homework.arch.stack.fixtures.TestHttp;

/**
 * The steady load: many users placing orders (some beyond their balance, so paid and cancelled
 * mix) with deposits in between, each deposit under an Idempotency-Key and sometimes sent twice.
 * Like a careful client, a request without an answer (or with a 5xx) is retried with the same order
 * id or key, with backoff; whatever any attempt got back is journaled.
 */
public final class Workload implements AutoCloseable {

    private static final int ATTEMPTS = 4;

    private final TestHttp http;
    private final Journal journal;
    private final List<UUID> users = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private final long seed;

    public Workload(TestHttp http, Journal journal, long seed) {
        this.http = http;
        this.journal = journal;
        this.seed = seed;
    }

    /** Registers {@code count} users and gives each a first deposit. */
    public void createUsers(int count) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String email = "load-" + i + "-" + id.toString().substring(0, 8) + "@example.com";
            String body = "{\"id\":\"" + id + "\",\"name\":\"Load " + i + "\",\"email\":\"" + email + "\"}";
            TestHttp.Reply reply = withRetries("POST", "/users", body, null);
            if (!reply.ok()) {
                throw new IllegalStateException("Could not create a load user: " + reply);
            }
            journal.ackUser(id, email);
            awaitAccount(http, id);
            users.add(id);
            deposit(id, new BigDecimal("100.00"), new Random(seed + i));
        }
    }

    public List<UUID> users() {
        return List.copyOf(users);
    }

    /** Starts {@code threads} clients sending until {@link #stop()}. */
    public void start(int threads, Duration pause) {
        running.set(true);
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t + workers.size() * 1000L);
            workers.add(Thread.ofPlatform().name("load-" + t).daemon().start(() -> {
                while (running.get()) {
                    UUID user = users.get(random.nextInt(users.size()));
                    if (random.nextInt(10) < 3) {
                        deposit(user, money(random, 5, 80), random);
                    } else {
                        order(user, money(random, 1, 90));
                    }
                    sleep(pause.toMillis());
                }
            }));
        }
    }

    /** Stops the clients and waits for their last requests to end. */
    public void stop() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    void deposit(UUID user, BigDecimal amount, Random random) {
        journal.counts(journal.phase()).depositsSent.incrementAndGet();
        String key = "dep-" + UUID.randomUUID();
        String path = "/billing/accounts/" + user + "/deposits";
        String body = "{\"amount\":" + amount.toPlainString() + "}";
        TestHttp.Reply first = withRetries("POST", path, body, key);
        if (first.ok()) {
            journal.ackDeposit(new Journal.AckedDeposit(user, key, amount));
            if (random.nextInt(5) == 0) {
                TestHttp.Reply replay = withRetries("POST", path, body, key);
                if (replay.ok() && !replay.text().equals(first.text())) {
                    journal.anomaly("deposit " + key + " replayed differently: " + first.text() + " then " + replay.text());
                }
            }
        }
    }

    void order(UUID user, BigDecimal price) {
        journal.counts(journal.phase()).ordersSent.incrementAndGet();
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"userId\":\"" + user + "\",\"price\":" + price.toPlainString() + "}";
        TestHttp.Reply reply = withRetries("POST", "/orders", body, null);
        if (reply.ok() && reply.isJson()) {
            String status = reply.json().path("status").asText();
            if ("PENDING".equals(status)) {
                journal.counts(journal.phase()).pendingAnswers.incrementAndGet();
            }
            journal.ackOrder(new Journal.AckedOrder(id, user, price, status));
        }
    }

    private TestHttp.Reply withRetries(String method, String path, String body, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        TestHttp.Reply reply = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reply = http.send(method, path, body, headers);
            journal.record(method, path, body, key, reply);
            if (!reply.unknownOutcome()) {
                return reply;
            }
            sleep(400L * attempt);
        }
        journal.counts(journal.phase()).gaveUp.incrementAndGet();
        return reply;
    }

    private static BigDecimal money(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100)).movePointLeft(2)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * Waits until billing has the user's account: at once in styles 1 and 2, where registration opens
     * it; in style 3 once billing has seen the registration's event (at most a minute).
     */
    static void awaitAccount(TestHttp http, UUID user) {
        for (int attempt = 0; attempt < 240; attempt++) {
            if (http.get("/billing/accounts/" + user).status() == 200) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("billing opened no account for user " + user + " within a minute");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
