package homework.arch.stack.benchmark;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every order of the benchmark's users and the letter about each, read back through the public API
 * after the load: the server's own timestamps give throughput (orders settled per second) and the
 * order-to-letter lag (a letter's {@code createdAt} minus its order's {@code updatedAt}, both
 * stamped on this machine's one clock).
 */
final class OrderLog {

    /** One order as stored, and when its letter was written (null if none yet). */
    record Order(UUID id, String status, Instant createdAt, Instant updatedAt, Instant letterAt) {

        boolean settled() {
            return status.equals("PAID") || status.equals("CANCELLED");
        }

        Duration lag() {
            return Duration.between(updatedAt, letterAt);
        }
    }

    private OrderLog() {
    }

    /** Reads until every settled order has its letter, or {@code within} has passed. */
    static List<Order> read(URI ingress, Population population, Duration within) {
        Api api = new Api(ingress);
        Instant deadline = Instant.now().plus(within);
        List<Order> orders = List.of();
        while (true) {
            Map<UUID, JsonNode> stored = perUser(population, user -> api.get("/orders?userId=" + user));
            Map<UUID, Instant> letters = letters(api, population);
            orders = stored.values().stream().map(o -> new Order(UUID.fromString(o.get("id").asText()),
                    o.get("status").asText(), Instant.parse(o.get("createdAt").asText()),
                    Instant.parse(o.get("updatedAt").asText()), letters.get(UUID.fromString(o.get("id").asText()))))
                    .toList();
            boolean complete = orders.stream().allMatch(o -> !o.settled() || o.letterAt() != null);
            if (complete || Instant.now().isAfter(deadline)) {
                return orders;
            }
            sleep(5000); // every read walks all orders and letters through the API: it costs the stack CPU
        }
    }

    private static Map<UUID, Instant> letters(Api api, Population population) {
        Map<UUID, JsonNode> letters = perUser(population, user -> api.get("/notifications?userId=" + user));
        Map<UUID, Instant> byOrder = new HashMap<>();
        letters.values().forEach(letter -> {
            if (letter.hasNonNull("orderId")) {
                byOrder.put(UUID.fromString(letter.get("orderId").asText()), Instant.parse(letter.get("createdAt").asText()));
            }
        });
        return byOrder;
    }

    /** The union of the JSON lists that {@code fetch} returns per user, keyed by the items' ids. */
    private static Map<UUID, JsonNode> perUser(Population population, Function<UUID, JsonNode> fetch) {
        Map<UUID, JsonNode> all = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<JsonNode>> lists = new ArrayList<>();
            population.all().forEach(user -> lists.add(pool.submit(() -> fetch.apply(user))));
            for (Future<JsonNode> list : lists) {
                list.get().forEach(item -> all.put(UUID.fromString(item.get("id").asText()), item));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Reading results back failed: " + e.getMessage(), e);
        }
        return all;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
