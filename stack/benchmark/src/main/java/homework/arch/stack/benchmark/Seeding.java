package homework.arch.stack.benchmark;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Registers the benchmark's users through the ingress and funds four in five of them. */
final class Seeding {

    /** Far more than a run can spend at the prices the simulation uses. */
    private static final String DEPOSIT = "100000000.00";

    private Seeding() {
    }

    static Population seed(URI ingress, int users) {
        Api api = new Api(ingress);
        int broke = Math.max(1, users / Population.BROKE_ONE_IN);
        List<UUID> funded = new ArrayList<>();
        List<UUID> poor = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<UUID>> created = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                boolean fund = i >= broke;
                created.add(pool.submit(() -> register(api, fund)));
            }
            for (int i = 0; i < created.size(); i++) {
                (i >= broke ? funded : poor).add(created.get(i).get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding users failed: " + e.getMessage(), e);
        }
        return new Population(List.copyOf(funded), List.copyOf(poor));
    }

    private static UUID register(Api api, boolean fund) {
        UUID id = UUID.randomUUID();
        String user = "{\"id\":\"" + id + "\",\"name\":\"Bench " + id.toString().substring(0, 8)
                + "\",\"email\":\"bench-" + id + "@example.com\"}";
        retried(() -> api.post("/users", user, 201));
        if (fund) {
            String deposit = "{\"amount\":" + DEPOSIT + "}";
            retried(() -> api.postIdempotent("/billing/accounts/" + id + "/deposits", deposit, "seed-" + id, 200));
        }
        return id;
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
