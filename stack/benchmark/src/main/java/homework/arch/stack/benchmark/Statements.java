package homework.arch.stack.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import homework.arch.stack.fixtures.DatabaseLogin;

/**
 * PostgreSQL's own profile of the measured minute: {@code pg_stat_statements} (which the local
 * stack's PostgreSQL preloads) is reset before it and read after it, for every database at once.
 * Execution time only: a commit's wait for the log flush and the relay's logical decoding are not
 * statements and do not show here (their CPU time is in PostgreSQL's share of the CPU table).
 */
final class Statements {

    /** The statements kept for the summary, by total execution time. */
    private static final int TOP = 12;

    /** One normalised statement over the interval. */
    record Query(String database, long calls, double totalMillis, String query) {

        double meanMillis() {
            return calls == 0 ? 0 : totalMillis / calls;
        }
    }

    /**
     * One database's calls over the interval: every statement, {@code BEGIN} included, and the
     * {@code BEGIN}s among them (its transactions). pgjdbc sends a {@code BEGIN} with the first
     * statement of each transaction; its {@code COMMIT} does not show in {@code pg_stat_statements}.
     */
    record Database(String name, long calls, long transactions) {
    }

    /** The top statements, the execution time of all statements, and the calls by database. */
    record Profile(List<Query> top, double totalMillis, List<Database> databases) {
    }

    private Statements() {
    }

    /** Starts a profile: creates the view in the {@code postgres} database if needed and empties it. */
    static void reset(DatabaseLogin superuser) {
        try (Connection connection = superuser.connect("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be reset: " + e.getMessage(), e);
        }
    }

    /** What ran since {@link #reset}, in every database but {@code postgres} (the profile's own). */
    static Profile read(DatabaseLogin superuser) {
        String sql = """
                SELECT d.datname, s.calls, s.total_exec_time, s.query,
                       sum(s.total_exec_time) OVER () AS everything
                  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                 WHERE d.datname <> 'postgres'
                 ORDER BY s.total_exec_time DESC
                 LIMIT %d
                """.formatted(TOP);
        List<Query> top = new ArrayList<>();
        double everything = 0;
        try (Connection connection = superuser.connect("postgres");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                everything = rows.getDouble("everything"); // the window is summed before the limit
                top.add(new Query(rows.getString("datname"), rows.getLong("calls"), rows.getDouble("total_exec_time"),
                        rows.getString("query").replaceAll("\\s+", " ").trim()));
            }
            return new Profile(List.copyOf(top), everything, databases(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements could not be read: " + e.getMessage(), e);
        }
    }

    private static List<Database> databases(Connection connection) throws SQLException {
        List<Database> databases = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT d.datname, sum(s.calls) AS calls,
                       coalesce(sum(s.calls) FILTER (WHERE upper(s.query) = 'BEGIN'), 0) AS transactions
                  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                 WHERE d.datname <> 'postgres'
                 GROUP BY d.datname
                 ORDER BY d.datname
                """)) {
            while (rows.next()) {
                databases.add(new Database(rows.getString("datname"), rows.getLong("calls"), rows.getLong("transactions")));
            }
        }
        return List.copyOf(databases);
    }
}
