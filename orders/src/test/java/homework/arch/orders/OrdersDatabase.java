package homework.arch.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import static homework.arch.stack.fixtures.TestHttp.JSON;

/** Reads the orders database directly, as the outbox relay would: what was really committed. */
record OrdersDatabase(String url, String user, String password) {

    /** One outbox row, payload parsed. */
    record OutboxRow(UUID id, String aggregateType, String aggregateId, String type, JsonNode payload) {
    }

    static OrdersDatabase of(Map<String, String> settings) {
        return new OrdersDatabase(settings.get("db.url"), settings.get("db.user"), settings.get("db.password"));
    }

    List<OutboxRow> outbox(UUID orderId) {
        return query("SELECT id, aggregatetype, aggregateid, type, payload::text FROM outbox WHERE aggregateid = ?"
                + " ORDER BY created_at", orderId.toString(), rows -> {
            List<OutboxRow> result = new ArrayList<>();
            while (rows.next()) {
                result.add(new OutboxRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), JSON.readTree(rows.getString(5))));
            }
            return result;
        });
    }

    long orderCount(UUID orderId) {
        return query("SELECT count(*) FROM orders WHERE id = ?", orderId, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    String status(UUID orderId) {
        return query("SELECT status FROM orders WHERE id = ?", orderId, rows -> rows.next() ? rows.getString(1) : null);
    }

    /** Runs a statement without parameters as the orders role (e.g. to add a trigger). */
    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String email(UUID orderId) {
        return query("SELECT email FROM orders WHERE id = ?", orderId, rows -> rows.next() ? rows.getString(1) : null);
    }

    /** Runs a statement as the orders role (e.g. to age an order for the settler). */
    void execute(String sql, Object parameter) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws Exception;
    }

    private <T> T query(String sql, Object parameter, Reader<T> reader) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
