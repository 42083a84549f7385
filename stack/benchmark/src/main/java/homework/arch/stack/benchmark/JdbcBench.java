package homework.arch.stack.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.DatabaseLogin;

/**
 * pgbench's job done over JDBC where pgbench is not installed: {@code clients} connections, each
 * running {@link OrderWrites} of a style in a loop with prepared statements for {@code seconds}, as
 * {@code pgbench -M prepared -c clients -T seconds} would.
 */
final class JdbcBench {

    private static final Pattern VARIABLE = Pattern.compile("(?<!:):([a-z]+)");

    private JdbcBench() {
    }

    /** Orders per second over the whole run. */
    static double run(DatabaseLogin login, String database, int clients, int seconds, StackStyle style) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        long orders = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Long>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> loop(login, database, deadline, style)));
            }
            for (Future<Long> worker : workers) {
                orders += worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The JDBC bench failed: " + e.getMessage(), e);
        }
        return orders / ((System.nanoTime() - started) / 1e9);
    }

    private static long loop(DatabaseLogin login, String database, long deadline, StackStyle style) throws SQLException {
        List<List<Prepared>> transactions = new ArrayList<>();
        long done = 0;
        try (Connection connection = login.connect(database)) {
            connection.setAutoCommit(false);
            for (List<String> transaction : OrderWrites.transactions(style)) {
                List<Prepared> prepared = new ArrayList<>();
                for (String sql : transaction) {
                    prepared.add(Prepared.of(connection, sql));
                }
                transactions.add(prepared);
            }
            while (System.nanoTime() < deadline) {
                Map<String, Object> values = values();
                for (List<Prepared> transaction : transactions) {
                    for (Prepared statement : transaction) {
                        statement.run(values);
                    }
                    connection.commit();
                }
                done++;
            }
        }
        return done;
    }

    private static Map<String, Object> values() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> values = new HashMap<>();
        values.put("oid", UUID.randomUUID());
        values.put("lid", UUID.randomUUID());
        values.put("eid", UUID.randomUUID());
        values.put("cid", UUID.randomUUID());
        values.put("pid", UUID.randomUUID());
        values.put("nid", UUID.randomUUID());
        values.put("uid", UUID.fromString(String.format("00000000-0000-4000-8000-%012d", random.nextInt(1, OrderWrites.ACCOUNTS + 1))));
        values.put("price", BigDecimal.valueOf(random.nextInt(100, 10_100), 2));
        return values;
    }

    /** A statement with its {@code :name} variables turned into JDBC parameters, bound by name. */
    private record Prepared(PreparedStatement statement, List<String> names, boolean returning) {

        static Prepared of(Connection connection, String sql) throws SQLException {
            List<String> names = new ArrayList<>();
            Matcher variable = VARIABLE.matcher(sql);
            StringBuilder jdbc = new StringBuilder();
            while (variable.find()) {
                names.add(variable.group(1));
                variable.appendReplacement(jdbc, "?");
            }
            variable.appendTail(jdbc);
            return new Prepared(connection.prepareStatement(jdbc.toString()), names, sql.contains("RETURNING"));
        }

        void run(Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                statement.setObject(i + 1, values.get(names.get(i)));
            }
            if (!returning) {
                statement.executeUpdate();
                return;
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                values.put("after", row.getBigDecimal(1));
            }
        }
    }
}
