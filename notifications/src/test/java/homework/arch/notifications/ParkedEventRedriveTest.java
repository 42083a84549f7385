package homework.arch.notifications;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestKafka;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static homework.arch.stack.fixtures.TestHttp.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code POST /internal/notifications/parked-events/redrive} against a real PostgreSQL and a real
 * Kafka node: a record parked because the database refused its letter (a trigger, standing in for
 * a rule or a bug fixed later) is sent through the consumer again once the trigger is gone, gets
 * its one letter, and is not sent again; bad selections change nothing.
 */
@HelidonTest
class ParkedEventRedriveTest {

    private static final String REDRIVE = "/internal/notifications/parked-events/redrive";
    private static final Map<String, String> DATABASE = TestDatabase.forService("notifications");
    private static final String TOPIC = TestKafka.newTopic();
    /** Small, so that a call leaving records for the next one is quick to make. */
    private static final int MAX_RECORDS = 2;

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("order.events.topic", TOPIC);
        settings.put("server.port", "0");
        settings.put("consumer.max-attempts", "2");
        settings.put("parked.redrive.max-records", String.valueOf(MAX_RECORDS));
        return TestDatabase.configSource(settings);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aRecordParkedForACauseSinceFixedIsRedrivenIntoExactlyOneLetterAndNotAgain() {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        long parked;
        try (Refusal refusal = refuseLettersTo(user)) {
            send(user, order, "OrderPaid", "PAID");
            parked = awaitParked(order, 1).getFirst();
        }
        assertThat(parkedRow(parked).get("reason"), containsString("letters to " + user + " refused"));
        assertThat(letters(user).size(), is(0));
        double stillParked = http.metric("notifications_parked_records");
        double redrivenBefore = http.metric("notifications_events_redriven_total", Map.of("outcome", "redriven"));
        double lettersBefore = http.metric("notifications_letters_total", Map.of("type", "ORDER_PAID"));

        JsonNode first = redrive(Map.of("fromId", parked, "toId", parked));

        assertThat(first.toString(), first.get("redriven").asLong(), is(1L));
        assertThat(first.toString(), first.get("stillFailing").asLong(), is(0L));
        assertThat(first.toString(), first.get("alreadyRedriven").asLong(), is(0L));
        assertThat(first.toString(), first.get("records").size(), is(1));
        assertThat(first.get("records").get(0).get("id").asLong(), is(parked));
        assertThat(first.get("records").get(0).get("outcome").asText(), is("REDRIVEN"));
        JsonNode letters = letters(user);
        assertThat(letters.toString(), letters.size(), is(1));
        assertThat(letters.get(0).get("orderId").asText(), is(order.toString()));
        assertThat(letters.get(0).get("type").asText(), is("ORDER_PAID"));
        assertThat(parkedRow(parked).get("redriven_at"), is(not(nullValue())));
        assertThat(parkedRow(parked).get("redrive_attempts"), is("1"));
        assertThat(http.metric("notifications_events_redriven_total", Map.of("outcome", "redriven")) - redrivenBefore,
                is(1.0));
        assertThat(http.metric("notifications_letters_total", Map.of("type", "ORDER_PAID")) - lettersBefore, is(1.0));
        assertThat(http.metric("notifications_parked_records"), is(stillParked - 1));

        JsonNode again = redrive(Map.of("fromId", parked, "toId", parked));

        assertThat(again.toString(), again.get("redriven").asLong(), is(0L));
        assertThat(again.toString(), again.get("alreadyHandled").asLong(), is(0L));
        assertThat(again.toString(), again.get("stillFailing").asLong(), is(0L));
        assertThat(again.toString(), again.get("alreadyRedriven").asLong(), is(1L));
        assertThat(again.toString(), again.get("records").size(), is(0));
        JsonNode byKind = redrive(Map.of("eventType", "OrderPaid"));
        assertThat(byKind.toString(), ids(byKind), not(hasItem(parked)));
        assertThat(letters(user).size(), is(1));
        assertThat(parkedRow(parked).get("redrive_attempts"), is("1"));
    }

    @Test
    void aRecordThatFailsAgainStaysParkedWithItsNewReasonUntilItsKindIsRedrivenOnceFixed() {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        long parked;
        try (Refusal refusal = refuseLettersTo(user)) {
            send(user, order, "OrderCancelled", "CANCELLED");
            parked = awaitParked(order, 1).getFirst();
            double failingBefore = http.metric("notifications_events_redriven_total", Map.of("outcome", "still_failing"));

            JsonNode failed = redrive(Map.of("eventType", "OrderCancelled", "fromId", parked));

            assertThat(failed.toString(), failed.get("stillFailing").asLong(), is(1L));
            assertThat(failed.toString(), failed.get("redriven").asLong(), is(0L));
            assertThat(failed.get("records").get(0).get("outcome").asText(), is("STILL_FAILING"));
            assertThat(failed.get("records").get(0).get("reason").asText(), containsString("refused"));
            Map<String, String> row = parkedRow(parked);
            assertThat(row.get("redriven_at"), is(nullValue()));
            assertThat(row.get("redrive_attempts"), is("1"));
            assertThat(row.get("reason"), containsString("failed when re-driven"));
            assertThat(http.metric("notifications_events_redriven_total", Map.of("outcome", "still_failing"))
                    - failingBefore, is(1.0));
        }
        assertThat(letters(user).size(), is(0));

        JsonNode fixed = redrive(Map.of("eventType", "OrderCancelled", "fromId", parked));

        assertThat(fixed.toString(), fixed.get("redriven").asLong(), is(1L));
        assertThat(ids(fixed), is(List.of(parked)));
        assertThat(letters(user).size(), is(1));
        assertThat(letters(user).get(0).get("type").asText(), is("ORDER_CANCELLED"));
        assertThat(parkedRow(parked).get("redrive_attempts"), is("2"));
    }

    @Test
    void aCallTriesAtMostTheConfiguredNumberOfRecordsAndSaysHowManyAreLeft() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < MAX_RECORDS + 1; i++) {
            TestKafka.send(TOPIC, key, "{not json " + i, UUID.randomUUID().toString(), "OrderPaid");
        }
        List<Long> parked = awaitParked(key, MAX_RECORDS + 1);

        JsonNode first = redrive(Map.of("fromId", parked.getFirst(), "toId", parked.getLast()));

        assertThat(first.toString(), ids(first), is(parked.subList(0, MAX_RECORDS)));
        assertThat(first.toString(), first.get("stillFailing").asLong(), is((long) MAX_RECORDS));
        assertThat(first.toString(), first.get("remaining").asLong(), is(1L));
        assertThat(first.get("records").get(0).get("reason").asText(), containsString("not an order event"));
        JsonNode next = redrive(Map.of("fromId", parked.get(MAX_RECORDS - 1) + 1, "toId", parked.getLast()));
        assertThat(next.toString(), ids(next), is(List.of(parked.getLast())));
        assertThat(next.toString(), next.get("remaining").asLong(), is(0L));
    }

    @Test
    void aBadSelectionIsAProblemAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        TestKafka.send(TOPIC, key, "{not json", UUID.randomUUID().toString(), "OrderPaid");
        awaitParked(key, 1);
        List<Map<String, String>> before = parkedRows();

        assertThat(field(assertProblem(http.post(REDRIVE, "{}"), 400, "validation")), is("body"));
        assertThat(field(assertProblem(http.post(REDRIVE, "{\"fromId\":5,\"toId\":4}"), 400, "validation")),
                is("toId"));
        assertThat(field(assertProblem(http.post(REDRIVE, "{\"eventType\":\"OrderShipped\"}"), 400, "validation")),
                is("eventType"));
        assertProblem(http.post(REDRIVE, "{\"eventType\":"), 400, "malformed-json");
        assertProblem(http.post(REDRIVE, "{\"eventType\":\"OrderPaid\",\"all\":true}"), 400, "validation");
        assertProblem(http.post(REDRIVE, "{\"fromId\":\"one\"}"), 400, "validation");
        assertProblem(http.post(REDRIVE, "null"), 400, "validation");

        assertThat(parkedRows(), is(before));
    }

    private JsonNode redrive(Map<String, Object> selection) {
        TestHttp.Reply reply = http.post(REDRIVE, json(selection));
        assertThat(reply.toString(), reply.status(), is(200));
        return reply.json();
    }

    private static List<Long> ids(JsonNode answer) {
        List<Long> ids = new ArrayList<>();
        answer.get("records").forEach(record -> ids.add(record.get("id").asLong()));
        return ids;
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    private JsonNode letters(UUID user) {
        TestHttp.Reply list = http.get("/notifications?userId=" + user);
        assertThat(list.toString(), list.status(), is(200));
        return list.json();
    }

    private static void send(UUID user, UUID order, String type, String status) {
        TestKafka.send(TOPIC, order.toString(), "{\"orderId\":\"" + order + "\",\"userId\":\"" + user
                + "\",\"email\":\"ann@example.com\",\"price\":12.5,\"status\":\"" + status
                + "\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", UUID.randomUUID().toString(), type);
    }

    /** The ids of the records with {@code key}, once there are {@code count} of them, lowest first. */
    private static List<Long> awaitParked(Object key, int count) {
        List<Long> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ids.clear();
            query("SELECT id FROM parked_events WHERE record_key = '" + key + "' ORDER BY id")
                    .forEach(row -> ids.add(Long.valueOf(row.get("id"))));
            return ids.size() >= count;
        });
        return List.copyOf(ids);
    }

    private static Map<String, String> parkedRow(long id) {
        return query("SELECT reason, redrive_attempts, redriven_at FROM parked_events WHERE id = " + id).getFirst();
    }

    private static List<Map<String, String>> parkedRows() {
        return query("SELECT id, reason, redrive_attempts, redriven_at FROM parked_events ORDER BY id");
    }

    /** The database refuses to store a letter to {@code user}, for a reason of its own (not an outage), until closed. */
    private static Refusal refuseLettersTo(UUID user) {
        String name = "refuse_" + user.toString().replace("-", "");
        execute("""
                CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.user_id = '%2$s' THEN
                        RAISE EXCEPTION 'letters to %% refused', NEW.user_id USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(name, user));
        execute("CREATE TRIGGER " + name + " BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION " + name + "()");
        return () -> execute("DROP TRIGGER " + name + " ON notifications", "DROP FUNCTION " + name + "()");
    }

    private interface Refusal extends AutoCloseable {
        @Override
        void close();
    }

    private static void execute(String... statements) {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> query(String sql) {
        try (Connection db = connect(); Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(DATABASE.get("db.url"), DATABASE.get("db.user"), DATABASE.get("db.password"));
    }
}
