package homework.arch.stack.chaos;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import homework.arch.stack.fixtures.TestHttp;

import static homework.arch.stack.chaos.Invariants.money;

/** The individual checks; each returns its verdict with examples of violations. */
final class Invariant {

    private Invariant() {
    }

    static Check noPending(Map<UUID, Map<String, Object>> orders) {
        List<String> stuck = orders.values().stream().filter(o -> !Set.of("PAID", "CANCELLED").contains(o.get("status")))
                .map(o -> o.get("id") + " is " + o.get("status")).toList();
        return Check.of("every-order-settled", orders.size() + " orders, all PAID or CANCELLED", stuck);
    }

    static Check oneLetterEach(Map<UUID, Map<String, Object>> orders, Map<UUID, List<String>> letters) {
        List<String> wrong = new ArrayList<>();
        orders.forEach((id, order) -> {
            String expected = "PAID".equals(order.get("status")) ? "ORDER_PAID" : "ORDER_CANCELLED";
            List<String> got = letters.getOrDefault(id, List.of());
            if (!got.equals(List.of(expected))) {
                wrong.add("order " + id + " (" + order.get("status") + ") has letters " + got);
            }
        });
        letters.keySet().stream().filter(id -> !orders.containsKey(id)).forEach(id -> wrong.add("letter for unknown order " + id));
        return Check.of("one-letter-of-the-right-type-per-order", letters.size() + " orders with letters", wrong);
    }

    static Check balances(List<Map<String, Object>> accounts, List<Map<String, Object>> ledger) {
        Map<Object, BigDecimal> sums = new HashMap<>();
        Map<Object, BigDecimal> lastAfter = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> entry : ledger) {
            BigDecimal amount = (BigDecimal) entry.get("amount");
            sums.merge(entry.get("user_id"), "DEPOSIT".equals(entry.get("type")) ? amount : amount.negate(), BigDecimal::add);
            lastAfter.put(entry.get("user_id"), (BigDecimal) entry.get("balance_after"));
            if (((BigDecimal) entry.get("balance_after")).signum() < 0) {
                wrong.add("ledger entry " + entry.get("seq") + " leaves a negative balance");
            }
        }
        for (Map<String, Object> account : accounts) {
            BigDecimal balance = (BigDecimal) account.get("balance");
            BigDecimal sum = sums.getOrDefault(account.get("user_id"), BigDecimal.ZERO);
            BigDecimal after = lastAfter.getOrDefault(account.get("user_id"), BigDecimal.ZERO);
            if (balance.compareTo(sum) != 0 || balance.compareTo(after) != 0 || balance.signum() < 0) {
                wrong.add("account " + account.get("user_id") + ": balance " + balance + ", deposits - withdrawals "
                        + sum + ", last ledger balance " + after);
            }
        }
        return Check.of("balance-equals-deposits-minus-withdrawals-never-negative", accounts.size() + " accounts, "
                + ledger.size() + " ledger entries", wrong);
    }

    static Check chargedOnce(Map<UUID, Map<String, Object>> orders, List<Map<String, Object>> ledger) {
        Map<String, List<BigDecimal>> withdrawals = ledger.stream().filter(e -> "WITHDRAWAL".equals(e.get("type")))
                .collect(Collectors.groupingBy(e -> String.valueOf(e.get("order_id")),
                        Collectors.mapping(e -> (BigDecimal) e.get("amount"), Collectors.toList())));
        List<String> wrong = new ArrayList<>();
        orders.forEach((id, order) -> {
            List<BigDecimal> charged = withdrawals.getOrDefault(id.toString(), List.of());
            boolean paid = "PAID".equals(order.get("status"));
            if (paid && (charged.size() != 1 || money(charged.getFirst()).compareTo(money(order.get("price"))) != 0)) {
                wrong.add("PAID order " + id + " of " + order.get("price") + " was charged " + charged);
            } else if (!paid && !charged.isEmpty()) {
                wrong.add(order.get("status") + " order " + id + " was charged " + charged);
            }
        });
        withdrawals.keySet().stream().filter(id -> !orders.containsKey(uuid(id)))
                .forEach(id -> wrong.add("withdrawal for an order orders does not have: " + id));
        return Check.of("paid-charged-exactly-once-cancelled-never", withdrawals.size() + " charged orders", wrong);
    }

    static Check acknowledgedOrdersKept(Map<UUID, Journal.AckedOrder> acked, Map<UUID, Map<String, Object>> orders) {
        List<String> lost = new ArrayList<>();
        acked.values().forEach(ack -> {
            Map<String, Object> stored = orders.get(ack.id());
            if (stored == null) {
                lost.add("order " + ack.id() + " answered " + ack.status() + " but is not stored");
            } else if (!ack.userId().equals(stored.get("user_id")) || money(stored.get("price")).compareTo(money(ack.price())) != 0
                    || !("PENDING".equals(ack.status()) || ack.status().equals(stored.get("status")))) {
                lost.add("order " + ack.id() + " answered " + ack + " but is stored as " + stored);
            }
        });
        return Check.of("acknowledged-orders-kept", acked.size() + " orders answered 2xx", lost);
    }

    static Check acknowledgedDepositsKept(Map<String, Journal.AckedDeposit> acked, List<Map<String, Object>> keys,
                                          List<Map<String, Object>> ledger) {
        Map<String, Object> statusByKey = new HashMap<>();
        keys.forEach(k -> statusByKey.put(k.get("user_id") + "/" + k.get("idempotency_key"), k.get("response_status")));
        List<String> lost = new ArrayList<>();
        acked.values().stream().filter(d -> !Integer.valueOf(200).equals(statusByKey.get(d.userId() + "/" + d.key())))
                .forEach(d -> lost.add("deposit " + d.key() + " answered 2xx but billing keeps " + statusByKey.get(d.userId() + "/" + d.key())));
        long movedKeys = keys.stream().filter(k -> String.valueOf(k.get("idempotency_key")).startsWith("dep-"))
                .filter(k -> Integer.valueOf(200).equals(k.get("response_status"))).count();
        long depositEntries = ledger.stream().filter(e -> "DEPOSIT".equals(e.get("type"))).count();
        if (movedKeys != depositEntries) {
            lost.add(movedKeys + " deposit keys moved money but the ledger has " + depositEntries + " deposits");
        }
        return Check.of("acknowledged-deposits-kept-once", acked.size() + " deposits answered 2xx", lost);
    }

    static Check acknowledgedUsersKept(Map<UUID, String> acked, TestHttp http) {
        List<String> lost = new ArrayList<>();
        acked.forEach((id, email) -> {
            TestHttp.Reply user = http.get("/users/" + id);
            TestHttp.Reply account = http.get("/billing/accounts/" + id);
            if (user.status() != 200 || !user.isJson() || !email.equals(user.json().path("email").asText())
                    || account.status() != 200) {
                lost.add("user " + id + ": GET /users " + user.status() + ", GET account " + account.status());
            }
        });
        return Check.of("acknowledged-users-kept-with-account", acked.size() + " users answered 201", lost);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Every service live and ready once the system has settled: a service that stays unready (a
     * consumer thread that died, a pool that never came back) is named here, not only by its effects.
     */
    static Check servicesHealthy(Map<String, URI> services) {
        List<String> unhealthy = new ArrayList<>();
        services.forEach((name, uri) -> {
            TestHttp direct = new TestHttp(uri, Duration.ofSeconds(5));
            for (String probe : List.of("/health/live", "/health/ready")) {
                TestHttp.Reply reply = direct.get(probe);
                if (reply.status() != 200) {
                    unhealthy.add(name + " " + probe + " answered " + reply.status() + ": "
                            + (reply.error() != null ? reply.error() : reply.text()));
                }
            }
        });
        return Check.of("every-service-live-and-ready", services.size() + " services answered their health probes",
                unhealthy);
    }
}
