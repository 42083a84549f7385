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
import homework.arch.stack.StackStyle;

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

        Order withLetterAt(Instant letterAt) {
            return new Order(id, status, createdAt, updatedAt, letterAt);
        }
    }

    private OrderLog() {
    }

    /**
     * Reads until every settled order has its letter, or {@code within} has passed; in a style whose
     * answer is not final ({@link Settled#inTheAnswer}), also until no order is {@code PENDING}, as events
     * settle them after the load (in the others a {@code PENDING} order is one billing did not answer
     * in time, left to orders' settler).
     */
    static List<Order> read(URI ingress, StackStyle style, Population population, Duration within) {
        Api api = new Api(ingress);
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Map<UUID, Order> orders = perUser(population, user -> api.list("/orders?userId=" + user),
                    order -> UUID.fromString(order.get("id").asText()), OrderLog::order);
            // A letter names its order; letters without one (sent through the API) are not the benchmark's.
            Map<UUID, Instant> letters = perUser(population, user -> api.list("/notifications?userId=" + user),
                    letter -> letter.hasNonNull("orderId") ? UUID.fromString(letter.get("orderId").asText()) : null,
                    letter -> Instant.parse(letter.get("createdAt").asText()));
            List<Order> joined = orders.values().stream().map(o -> o.withLetterAt(letters.get(o.id()))).toList();
            boolean complete = joined.stream().allMatch(o -> o.settled() ? o.letterAt() != null : Settled.inTheAnswer(style));
            if (complete || Instant.now().isAfter(deadline)) {
                return joined;
            }
            sleep(5000); // every read walks all orders and letters through the API: it costs the stack CPU
        }
    }

    private static Order order(JsonNode order) {
        return new Order(UUID.fromString(order.get("id").asText()), order.get("status").asText().intern(),
                Instant.parse(order.get("createdAt").asText()), Instant.parse(order.get("updatedAt").asText()), null);
    }

    /**
     * The union of the JSON lists that {@code fetch} returns per user, each item reduced to a key and
     * a value as soon as its list arrives (items without a key are left out): a fast run stores well
     * over 100,000 orders and as many letters, and their JSON trees would not fit this JVM's heap.
     */
    private static <V> Map<UUID, V> perUser(Population population, Function<UUID, JsonNode> fetch,
                                            Function<JsonNode, UUID> keyOf, Function<JsonNode, V> valueOf) {
        Map<UUID, V> all = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Map<UUID, V>>> lists = new ArrayList<>();
            population.all().forEach(user -> lists.add(pool.submit(() -> {
                Map<UUID, V> items = new HashMap<>();
                fetch.apply(user).forEach(item -> {
                    UUID key = keyOf.apply(item);
                    if (key != null) {
                        items.put(key, valueOf.apply(item));
                    }
                });
                return items;
            })));
            for (Future<Map<UUID, V>> list : lists) {
                all.putAll(list.get());
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
