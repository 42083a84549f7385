package homework.arch.stack.benchmark;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.TestHttp;

/**
 * Registers the benchmark's users through the ingress and funds four in five of them. In event
 * collaboration a registration's effects arrive by events ({@link #eventual}): billing opens the
 * account when it reads {@code UserRegistered}, so the deposit waits until the account answers, and
 * orders refuses the user's orders with 404 until it has read the same event, so each user's seeding
 * ends with a first order, a probe of {@link #PROBE_PRICE} sent again until orders takes it (202): the
 * load starts with every user known everywhere. The probes are the only orders placed before the
 * warm-up, and are settled like any other.
 */
final class Seeding {

    /** Far more than a run can spend at the prices the simulation uses. */
    private static final String DEPOSIT = "100000000.00";

    /** The probe order's price: paid by a funded user, cancelled for a broke one. */
    static final String PROBE_PRICE = "0.01";

    /** How long a registration's event may take to reach billing and orders; seconds, even on busy cores. */
    private static final Duration EVENT_LIMIT = Duration.ofMinutes(2);

    private Seeding() {
    }

    /** Whether a registration's effects in billing and orders follow it by events, not within it. */
    static boolean eventual(StackStyle style) {
        return switch (style) {
            case HTTP_ONLY, HTTP_BROKER -> false;
            case EVENT_COLLABORATION -> true;
        };
    }

    static Population seed(URI ingress, int users, StackStyle style) {
        Api api = new Api(ingress);
        int broke = Math.max(1, users / Population.BROKE_ONE_IN);
        List<UUID> funded = new ArrayList<>();
        List<UUID> poor = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<UUID>> created = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                boolean fund = i >= broke;
                created.add(pool.submit(() -> register(api, fund, eventual(style))));
            }
            for (int i = 0; i < created.size(); i++) {
                (i >= broke ? funded : poor).add(created.get(i).get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding users failed: " + e.getMessage(), e);
        }
        return new Population(List.copyOf(funded), List.copyOf(poor));
    }

    private static UUID register(Api api, boolean fund, boolean eventual) {
        UUID id = UUID.randomUUID();
        String user = "{\"id\":\"" + id + "\",\"name\":\"Bench " + id.toString().substring(0, 8)
                + "\",\"email\":\"bench-" + id + "@example.com\"}";
        retried(() -> api.post("/users", user, 201));
        if (fund) {
            if (eventual) {
                awaitEvent("billing's account of " + id, () -> api.attempt("/billing/accounts/" + id), 200);
            }
            String deposit = "{\"amount\":" + DEPOSIT + "}";
            retried(() -> api.postIdempotent("/billing/accounts/" + id + "/deposits", deposit, "seed-" + id, 200));
        }
        if (eventual) {
            String probe = "{\"id\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + id + "\",\"price\":" + PROBE_PRICE + "}";
            // 200: a replay of a probe whose first answer was lost, settled meanwhile.
            awaitEvent("orders' first order of " + id, () -> api.attempt("/orders", probe), 202, 200);
        }
        return id;
    }

    /**
     * Sends {@code call} until it answers one of {@code expected}: a 404 (the event has not arrived yet), a 503
     * or no answer (a busy JVM) is sent again, safely (a read, or an order under the same id), for up
     * to {@link #EVENT_LIMIT}; any other answer fails the seeding.
     */
    static void awaitEvent(String what, Supplier<TestHttp.Reply> call, int... expected) {
        Instant deadline = Instant.now().plus(EVENT_LIMIT);
        while (true) {
            TestHttp.Reply reply = call.get();
            if (Arrays.stream(expected).anyMatch(status -> status == reply.status())) {
                return;
            }
            boolean pending = reply.status() == 404 || reply.status() == 503 || reply.status() == 0;
            if (!pending || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": answered " + reply.status() + " ("
                        + (reply.status() == 0 ? reply.error() : reply.text()) + "), expected " + Arrays.toString(expected)
                        + (pending ? " within " + EVENT_LIMIT : ""));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Freshly started JVMs answer their first calls slowly, and users then answers 503 ("retry the
     * same request"): both calls are safe to repeat (same user id, same idempotency key).
     */
    private static void retried(Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 10 || !e.getMessage().contains(" answered 503")) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
