package homework.arch.stack.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A public endpoint: its method and path ({@code {id}} is a path id, {@code ?userId=} a query id),
 * whether it is a paged list (query parameters {@code limit} and {@code cursor}) and, for writes, a
 * valid body as raw JSON values per field, the required fields and each field's kind, from which the
 * malformed variants are made.
 */
record Endpoint(String name, String method, String path, boolean paged, Map<String, String> validFields,
                Set<String> required, Map<String, Kind> kinds) {

    enum Kind { UUID, AMOUNT, NAME, EMAIL, TEXT }

    boolean hasBody() {
        return !validFields.isEmpty();
    }

    boolean takesIdempotencyKey() {
        return path.endsWith("/deposits") || path.endsWith("/withdrawals");
    }

    /** The public endpoints (openapi/*.yaml, less /internal); writes are aimed at a real user so that a wrongly accepted request would show. */
    static List<Endpoint> all(UUID user) {
        String u = "\"" + user + "\"";
        return List.of(
                write("users.create", "/users", fields("id", "\"" + UUID.randomUUID() + "\"", "name", "\"Fuzz\"", "email", "\"fuzz@example.com\""),
                        Set.of("name", "email"), Map.of("id", Kind.UUID, "name", Kind.NAME, "email", Kind.EMAIL)),
                read("users.get", "/users/{id}"),
                read("billing.account", "/billing/accounts/{id}"),
                write("billing.deposit", "/billing/accounts/{id}/deposits", fields("amount", "10.00"), Set.of("amount"),
                        Map.of("amount", Kind.AMOUNT)),
                write("billing.withdraw", "/billing/accounts/{id}/withdrawals", fields("amount", "1.00"), Set.of("amount"),
                        Map.of("amount", Kind.AMOUNT)),
                list("billing.transactions", "/billing/accounts/{id}/transactions"),
                write("orders.create", "/orders", fields("id", "\"" + UUID.randomUUID() + "\"", "userId", u, "price", "1.00"),
                        Set.of("userId", "price"), Map.of("id", Kind.UUID, "userId", Kind.UUID, "price", Kind.AMOUNT)),
                read("orders.get", "/orders/{id}"),
                list("orders.list", "/orders?userId="),
                list("notifications.list", "/notifications?userId="),
                write("notifications.create", "/notifications", fields("userId", u, "subject", "\"Hi\"", "body", "\"Text\""),
                        Set.of("userId", "subject", "body"), Map.of("userId", Kind.UUID, "subject", Kind.TEXT, "body", Kind.TEXT)));
    }

    private static Endpoint read(String name, String path) {
        return new Endpoint(name, "GET", path, false, Map.of(), Set.of(), Map.of());
    }

    private static Endpoint list(String name, String path) {
        return new Endpoint(name, "GET", path, true, Map.of(), Set.of(), Map.of());
    }

    private static Endpoint write(String name, String path, Map<String, String> fields, Set<String> required,
                                  Map<String, Kind> kinds) {
        return new Endpoint(name, "POST", path, false, fields, required, kinds);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
