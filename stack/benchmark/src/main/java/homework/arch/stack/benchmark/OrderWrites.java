package homework.arch.stack.benchmark;

import java.util.ArrayList;
import java.util.List;

import homework.arch.stack.StackStyle;

/**
 * The database writes of one paid order, transaction by transaction as the services commit them,
 * against copies of their tables (each service's Flyway migration applied in a schema of its own in
 * a {@code bench} database on the same server). Both limit runners, pgbench and JDBC, run exactly
 * these statements; {@code :name} is a per-order value, {@code :after} the balance the withdrawal
 * returned. Reads the services also do (the user lookup, Hibernate's loads) are left out: this is
 * the write limit.
 */
final class OrderWrites {

    /** Accounts the orders are spread over, as in the load test's population. */
    static final int ACCOUNTS = 200;

    private static final List<String> PENDING = List.of(
            "INSERT INTO orders.orders (id, user_id, email, price, status, created_at, updated_at, version) "
                    + "VALUES (:oid, :uid, 'bench@example.com', :price, 'PENDING', now(), now(), 0)");
    private static final List<String> WITHDRAWAL = List.of(
            "INSERT INTO billing.idempotency_keys (user_id, idempotency_key, request_hash, created_at) "
                    + "VALUES (:uid, :oid::text, 'bench', now())",
            "UPDATE billing.accounts SET balance = balance - :price, updated_at = now() "
                    + "WHERE user_id = :uid RETURNING balance AS after",
            "INSERT INTO billing.ledger_entries (id, user_id, type, amount, balance_after, order_id, created_at) "
                    + "VALUES (:lid, :uid, 'WITHDRAWAL', :price, :after, :oid, now())",
            "UPDATE billing.idempotency_keys SET response_status = 200, response_body = '{}' "
                    + "WHERE user_id = :uid AND idempotency_key = :oid::text");
    private static final String LETTER = "INSERT INTO notifications.notifications (id, user_id, email, order_id, type, "
            + "subject, body, created_at) VALUES (:nid, :uid, 'bench@example.com', :oid, 'ORDER_PAID', "
            + "'Your order is paid', 'Thank you for your order.', now())";

    private static final String PAID = "UPDATE orders.orders SET status = 'PAID', updated_at = now(), version = version + 1 "
            + "WHERE id = :oid";
    private static final String ORDER_PAID = "INSERT INTO orders.outbox (id, aggregatetype, aggregateid, type, payload, "
            + "created_at) VALUES (:eid, 'order', :oid::text, 'OrderPaid', jsonb_build_object('orderId', "
            + ":oid::text, 'userId', :uid::text, 'email', 'bench@example.com', 'price', "
            + ":price::numeric, 'status', 'PAID', 'occurredAt', now()), now())";
    private static final List<String> NOTIFIED = List.of("INSERT INTO notifications.processed_events (event_id, "
            + "event_type, processed_at) VALUES (:eid, 'OrderPaid', now())", LETTER);

    /**
     * The transactions of one paid order in {@code style}. Style http-broker: orders' {@code PENDING}
     * order; billing's withdrawal with its idempotency key; orders' {@code PAID} and its outbox row;
     * notifications' processed event and letter. Style http-only: the same order and withdrawal; then
     * notifications' letter (one per order), then orders' {@code PAID} if still {@code PENDING}, no event.
     * Style event-collaboration, each service committing what the event it handles makes it do: orders'
     * {@code PENDING} order with its {@code OrderCreated} row ({@code PublishedIntake}); billing's
     * processed {@code OrderCreated}, the same withdrawal and its {@code PaymentCompleted} row
     * ({@code OrderPayments}); orders' processed {@code PaymentCompleted}, its {@code PAID} and
     * {@code OrderPaid} row ({@code PaymentOutcomes}); notifications' processed event and letter. The
     * user's registration (users' {@code UserRegistered} row, billing's account, orders' known user)
     * happens once per user, not per order, and is left out.
     */
    static List<List<String>> transactions(StackStyle style) {
        return switch (style) {
            case HTTP_BROKER -> List.of(PENDING, WITHDRAWAL, List.of(PAID, ORDER_PAID), NOTIFIED);
            case EVENT_COLLABORATION -> List.of(
                    concat(PENDING, "INSERT INTO orders.outbox (id, aggregatetype, aggregateid, type, payload, created_at) "
                            + "VALUES (:cid, 'order', :oid::text, 'OrderCreated', jsonb_build_object('orderId', "
                            + ":oid::text, 'userId', :uid::text, 'price', :price::numeric, 'occurredAt', now()), now())"),
                    concat(List.of(processed("billing", ":cid", "OrderCreated")), WITHDRAWAL,
                            "INSERT INTO billing.outbox (id, aggregatetype, aggregateid, type, payload, created_at) "
                                    + "VALUES (:pid, 'payment', :oid::text, 'PaymentCompleted', jsonb_build_object("
                                    + "'orderId', :oid::text, 'userId', :uid::text, 'amount', :price::numeric, "
                                    + "'occurredAt', now()), now())"),
                    List.of(processed("orders", ":pid", "PaymentCompleted"), PAID + " AND status = 'PENDING'", ORDER_PAID),
                    NOTIFIED);
            case HTTP_ONLY -> List.of(PENDING, WITHDRAWAL,
                    List.of(LETTER + " ON CONFLICT (order_id, type) WHERE order_id IS NOT NULL DO NOTHING"),
                    List.of("UPDATE orders.orders SET status = 'PAID', updated_at = now(), version = version + 1 "
                            + "WHERE id = :oid AND status = 'PENDING'"));
        };
    }

    /** A consumer's record of the event it handled, in {@code schema}'s {@code processed_events}. */
    private static String processed(String schema, String id, String type) {
        return "INSERT INTO " + schema + ".processed_events (event_id, event_type, processed_at) VALUES (" + id + ", '"
                + type + "', now())";
    }

    private static List<String> concat(List<String> first, String... then) {
        return concat(first, List.of(), then);
    }

    private static List<String> concat(List<String> first, List<String> second, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(List.of(then));
        return List.copyOf(all);
    }

    /** The services whose migrations make the bench database's schemas. */
    static final List<String> SCHEMAS = List.of("orders", "billing", "notifications");

    /** The seed of the accounts the withdrawals draw on. */
    static final String ACCOUNTS_SEED = "INSERT INTO billing.accounts (user_id, balance, created_at, updated_at) "
            + "SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 100000000000, now(), now() "
            + "FROM generate_series(1, " + ACCOUNTS + ") AS n";

    /** The same per-order values for pgbench: random ids and price, a user among the accounts. */
    static String pgbenchScript(StackStyle style) {
        StringBuilder script = new StringBuilder();
        script.append("\\set u random(1, ").append(ACCOUNTS).append(")\n");
        script.append("\\set cents random(100, 10099)\n");
        script.append("SELECT gen_random_uuid() AS oid, gen_random_uuid() AS lid, gen_random_uuid() AS eid, "
                + "gen_random_uuid() AS cid, gen_random_uuid() AS pid, gen_random_uuid() AS nid, ('00000000-0000-4000-8000-' || lpad(:u::text, 12, '0'))::uuid AS uid, "
                + "(:cents / 100.0)::numeric(12,2) AS price \\gset\n");
        for (List<String> transaction : transactions(style)) {
            script.append("BEGIN;\n");
            for (String statement : transaction) {
                script.append(statement).append(statement.contains("RETURNING") ? " \\gset\n" : ";\n");
            }
            script.append("COMMIT;\n");
        }
        return script.toString();
    }

    private OrderWrites() {
    }
}
