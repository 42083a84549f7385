package homework.arch.stack.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import homework.arch.stack.Stack;
import homework.arch.stack.fixtures.DatabaseLogin;
import homework.arch.stack.fixtures.Postgres;

/** Reads the stack's databases as PostgreSQL's superuser, for checks the services' roles could not make. */
public final class Databases {

    public static final List<String> SERVICE_DATABASES = List.of("users", "billing", "orders", "notifications");

    private final DatabaseLogin superuser;

    public Databases(Stack stack) {
        this.superuser = stack.databaseLogin(Postgres.SUPERUSER);
    }

    /** Every row of a query, as column name to value. */
    public List<Map<String, Object>> query(String database, String sql) {
        try (Connection connection = superuser.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the asynchronous part of the system has caught up: no order is {@code PENDING} and
     * notifications holds a letter for every settled order (in every style, one letter per order). A test that compares
     * {@link #fingerprint}s before and after must start from there, or letters of earlier orders
     * arriving in between look like changes it made.
     */
    public void awaitSettled(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            long pending = count("orders", "SELECT count(*) AS n FROM orders WHERE status = 'PENDING'");
            long settled = count("orders", "SELECT count(*) AS n FROM orders WHERE status <> 'PENDING'");
            long lettered = count("notifications", "SELECT count(*) AS n FROM notifications WHERE order_id IS NOT NULL");
            if (pending == 0 && lettered >= settled) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not settled within " + within + ": " + pending + " orders pending, "
                        + lettered + " letters of " + settled + " settled orders");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long count(String database, String sql) {
        return ((Number) query(database, sql).getFirst().get("n")).longValue();
    }

    /**
     * A fingerprint of every table of the four service databases: row count and an MD5 of all rows
     * in a stable order. Two equal fingerprints mean nothing was inserted, updated or deleted.
     */
    public Map<String, String> fingerprint() {
        Map<String, String> tables = new TreeMap<>();
        for (String database : SERVICE_DATABASES) {
            for (Map<String, Object> table : query(database, """
                    SELECT schemaname || '.' || tablename AS name FROM pg_tables
                    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""")) {
                String name = (String) table.get("name");
                Map<String, Object> sum = query(database, "SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|'"
                        + " ORDER BY t::text), '')) AS h FROM " + name + " t").getFirst();
                tables.put(database + "." + name, sum.get("n") + " rows, md5 " + sum.get("h"));
            }
        }
        return tables;
    }
}
