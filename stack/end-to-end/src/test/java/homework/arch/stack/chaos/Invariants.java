package homework.arch.stack.chaos;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.TestHttp;

/**
 * The guarantees, checked from what is stored (billing's and orders' databases) and what is served
 * (notifications' letters through the ingress), against what the clients were told.
 */
public final class Invariants {

    private final Databases databases;
    private final TestHttp http;
    private final Map<String, URI> services;

    /** {@code services}: each service's own address, for its health endpoints (not routed by the ingress). */
    public Invariants(Databases databases, TestHttp http, Map<String, URI> services) {
        this.databases = databases;
        this.http = http;
        this.services = Map.copyOf(services);
    }

    /** Orders still {@code PENDING}. */
    public long pending() {
        return ((Number) databases.query("orders", "SELECT count(*) AS n FROM orders WHERE status = 'PENDING'")
                .getFirst().get("n")).longValue();
    }

    /** The order's status, or null if orders has no such order. */
    public String orderStatus(UUID order) {
        List<Map<String, Object>> rows = databases.query("orders", "SELECT status FROM orders WHERE id = '" + order + "'");
        return rows.isEmpty() ? null : (String) rows.getFirst().get("status");
    }

    /** The orders settled so far. */
    public Set<UUID> settled() {
        return orders().values().stream().filter(o -> !"PENDING".equals(o.get("status"))).map(o -> (UUID) o.get("id"))
                .collect(Collectors.toSet());
    }

    /** The orders with at least one letter, from every user's letter list. */
    public Set<UUID> lettered(List<UUID> users) {
        return letters(users).keySet();
    }

    /** When each letter about an order was written ({@code createdAt}), from every user's letter list. */
    public List<Instant> letterTimes(List<UUID> users) {
        List<Instant> times = new ArrayList<>();
        for (UUID user : users) {
            for (JsonNode letter : Pages.walk(http, "/notifications?userId=" + user + "&limit=500", 500)) {
                if (letter.hasNonNull("orderId")) {
                    times.add(Instant.parse(letter.get("createdAt").asText()));
                }
            }
        }
        return times;
    }

    /** Settled orders without a letter yet. */
    public long unlettered(List<UUID> users) {
        Map<UUID, List<String>> letters = letters(users);
        return orders().values().stream().filter(o -> !"PENDING".equals(o.get("status")))
                .filter(o -> !letters.containsKey((UUID) o.get("id"))).count();
    }

    public List<Check> check(Journal journal, List<UUID> users) {
        Map<UUID, Map<String, Object>> orders = orders();
        List<Map<String, Object>> ledger = databases.query("billing",
                "SELECT user_id, type, amount, balance_after, order_id, seq FROM ledger_entries ORDER BY seq");
        Map<UUID, List<String>> letters = letters(users);
        return List.of(
                Invariant.noPending(orders),
                Invariant.oneLetterEach(orders, letters),
                Invariant.balances(databases.query("billing", "SELECT user_id, balance FROM accounts"), ledger),
                Invariant.chargedOnce(orders, ledger),
                Invariant.acknowledgedOrdersKept(journal.orders(), orders),
                Invariant.acknowledgedDepositsKept(journal.deposits(), databases.query("billing",
                        "SELECT user_id, idempotency_key, response_status FROM idempotency_keys"), ledger),
                Invariant.acknowledgedUsersKept(journal.users(), http),
                Check.of("clients-saw-no-contract-breach", "replays answered as the first time", journal.anomalies()),
                Invariant.servicesHealthy(services));
    }

    private Map<UUID, Map<String, Object>> orders() {
        Map<UUID, Map<String, Object>> byId = new HashMap<>();
        databases.query("orders", "SELECT id, user_id, price, status FROM orders")
                .forEach(row -> byId.put((UUID) row.get("id"), row));
        return byId;
    }

    /** Letter types by order id, from every user's letter list. */
    private Map<UUID, List<String>> letters(List<UUID> users) {
        Map<UUID, List<String>> byOrder = new HashMap<>();
        for (UUID user : users) {
            // Every page of the user's letters (a page holds at most 500): fails if one cannot be read.
            for (JsonNode letter : Pages.walk(http, "/notifications?userId=" + user + "&limit=500", 500)) {
                if (letter.hasNonNull("orderId")) {
                    byOrder.computeIfAbsent(UUID.fromString(letter.get("orderId").asText()), id -> new ArrayList<>())
                            .add(letter.path("type").asText());
                }
            }
        }
        return byOrder;
    }

    static BigDecimal money(Object value) {
        return ((BigDecimal) value).stripTrailingZeros();
    }
}
