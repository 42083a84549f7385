package homework.arch.orders.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.TestKafka;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

/**
 * Orders in the event-collaboration style, against a real Kafka node and a real PostgreSQL, with
 * nothing listening at users' and billing's addresses: orders knows users from
 * {@code UserRegistered}, answers {@code POST /orders} with {@code 202 PENDING} and an
 * {@code OrderCreated} outbox row, and settles the order by billing's payment events, once, with
 * the {@code OrderPaid}/{@code OrderCancelled} row that carries the registered e-mail.
 */
@HelidonTest
@AddConfig(key = "style", value = "event-collaboration")
class OrderEventsTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("orders");
    private static final String USER_EVENTS = TestKafka.newTopic("user.events");
    private static final String PAYMENT_EVENTS = TestKafka.newTopic("payment.events");

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("user.events.topic", USER_EVENTS);
        settings.put("payment.events.topic", PAYMENT_EVENTS);
        settings.put("consumer.max-attempts", "2");
        settings.put("users.url", "http://127.0.0.1:" + Ports.free());
        settings.put("billing.url", "http://127.0.0.1:" + Ports.free());
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void anOrderOfAUserOrdersHasNotSeenIsRefusedAndNothingIsStored() {
        UUID order = UUID.randomUUID();
        assertProblem(post(order, UUID.randomUUID(), "10"), 404, "not-found");
        assertThat(database().orderCount(order), is(0L));
        assertThat(database().outbox(order).size(), is(0));
    }

    @Test
    void anOrderIsPendingWithItsOrderCreatedAndTheCompletedPaymentSettlesItPaidOnce() {
        UUID user = registered();
        UUID order = UUID.randomUUID();
        TestHttp.Reply placed = post(order, user, "30.50");
        assertThat(placed.text(), placed.status(), is(202));
        assertThat(placed.header("Location").orElse(""), endsWith("/orders/" + order));
        assertThat(placed.json().get("status").asText(), is("PENDING"));
        List<OrdersDatabase.OutboxRow> rows = database().outbox(order);
        assertThat(rows.size(), is(1));
        assertThat(rows.getFirst().aggregateType(), is("order"));
        assertThat(rows.getFirst().type(), is("OrderCreated"));
        JsonNode created = rows.getFirst().payload();
        assertThat(created.get("orderId").asText(), is(order.toString()));
        assertThat(created.get("userId").asText(), is(user.toString()));
        assertThat(created.get("price").decimalValue().compareTo(new java.math.BigDecimal("30.50")), is(0));
        assertThat(created.get("occurredAt").asText(), is(placed.json().get("createdAt").asText()));

        UUID payment = UUID.randomUUID();
        paid(order, user, payment, "PaymentCompleted");
        awaitStatus(order, "PAID");
        OrdersDatabase.OutboxRow settled = database().outbox(order).get(1);
        assertThat(settled.type(), is("OrderPaid"));
        assertThat(settled.payload().get("email").asText(), is("ann-" + user + "@example.com"));

        // The same event again, then a contradicting one: the order stays as first settled.
        paid(order, user, payment, "PaymentCompleted");
        UUID contradiction = UUID.randomUUID();
        paid(order, user, contradiction, "PaymentRejected");
        awaitProcessed(contradiction);
        assertThat(database().status(order), is("PAID"));
        assertThat(database().outbox(order).stream().map(OrdersDatabase.OutboxRow::type).toList(),
                is(List.of("OrderCreated", "OrderPaid")));
        assertThat("the copy was counted a duplicate", http.metric("orders_payments_events_duplicates_total") >= 1,
                is(true));

        TestHttp.Reply replay = post(order, user, "30.50");
        assertThat("a replay answers the settled order", replay.status(), is(200));
        assertThat(replay.json().get("status").asText(), is("PAID"));
    }

    @Test
    void aRejectedPaymentCancelsTheOrder() {
        UUID user = registered();
        UUID order = UUID.randomUUID();
        assertThat(post(order, user, "500").status(), is(202));
        paid(order, user, UUID.randomUUID(), "PaymentRejected");
        awaitStatus(order, "CANCELLED");
        OrdersDatabase.OutboxRow cancelled = database().outbox(order).get(1);
        assertThat(cancelled.type(), is("OrderCancelled"));
        assertThat(cancelled.payload().get("status").asText(), is("CANCELLED"));
    }

    @Test
    void aPaymentForAnUnknownOrderIsParkedAndOtherTypesAreSkipped() {
        UUID order = UUID.randomUUID();
        TestKafka.send(PAYMENT_EVENTS, order.toString(), "{\"orderId\":\"" + order + "\"}", UUID.randomUUID().toString(),
                "PaymentRefunded");
        paid(order, UUID.randomUUID(), UUID.randomUUID(), "PaymentCompleted");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "SELECT count(*) FROM parked_events WHERE record_key = '" + order + "'") == 1);
        assertThat(count("SELECT count(*) FROM parked_events WHERE record_key = '" + order + "' AND event_type ="
                + " 'PaymentCompleted'"), is(1));
        assertThat(http.get("/health/ready").text(), containsString("payment-events-consumer"));
    }

    /** A user, registered through users' event, with a known address; returns once orders has kept it. */
    private UUID registered() {
        UUID user = UUID.randomUUID();
        TestKafka.send(USER_EVENTS, user.toString(), "{\"userId\":\"" + user + "\",\"name\":\"Ann\",\"email\":\"ann-"
                + user + "@example.com\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", UUID.randomUUID().toString(),
                "UserRegistered");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> count(
                "SELECT count(*) FROM known_users WHERE user_id = '" + user + "'") == 1);
        return user;
    }

    private static void paid(UUID order, UUID user, UUID event, String type) {
        TestKafka.send(PAYMENT_EVENTS, order.toString(), "{\"orderId\":\"" + order + "\",\"userId\":\"" + user
                + "\",\"amount\":30.50,\"occurredAt\":\"2025-11-23T21:05:07.123Z\""
                + (type.equals("PaymentRejected") ? ",\"reason\":\"INSUFFICIENT_FUNDS\"" : "") + "}", event.toString(), type);
    }

    private TestHttp.Reply post(UUID order, UUID user, String price) {
        return http.post("/orders", "{\"id\":\"" + order + "\",\"userId\":\"" + user + "\",\"price\":" + price + "}");
    }

    private void awaitStatus(UUID order, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/orders/" + order).json().get("status").asText().equals(status));
    }

    private static void awaitProcessed(UUID event) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> count(
                "SELECT count(*) FROM processed_events WHERE event_id = '" + event + "'") == 1);
    }

    private static OrdersDatabase database() {
        return OrdersDatabase.of(DATABASE);
    }

    /** The one number a query of this test's database answers. */
    private static int count(String query) {
        try (Connection db = DriverManager.getConnection(DATABASE.get("db.url"), DATABASE.get("db.user"),
                DATABASE.get("db.password"));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
