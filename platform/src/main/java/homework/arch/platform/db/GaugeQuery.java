package homework.arch.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The one way a gauge reads the database at scrape time: one query, at most {@value #TIMEOUT_SECONDS}
 * s, its first row mapped, and nothing (the gauge shows NaN) when there is no row or the database
 * does not answer, so that a scrape never fails or hangs on the database.
 */
public final class GaugeQuery {

    static final int TIMEOUT_SECONDS = 2;

    /** What one row becomes. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private GaugeQuery() {
    }

    /** The first row of {@code sql} as {@code row} maps it; empty without a row or an answer. */
    public static <T> Optional<T> firstRow(DataSource dataSource, String sql, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(row.map(result)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Column {@code column} of {@code row} as a double; NaN for SQL NULL. */
    public static double orNaN(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }
}
