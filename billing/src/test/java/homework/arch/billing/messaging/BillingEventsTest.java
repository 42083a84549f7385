package homework.arch.billing.messaging;

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

import homework.arch.stack.fixtures.OrdersDatabase;
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

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Billing in the event-collaboration style, against a real Kafka node and a real PostgreSQL:
 * {@code UserRegistered} opens the account once, {@code OrderCreated} withdraws the price at most
 * once and publishes {@code PaymentCompleted} or {@code PaymentRejected} through billing's outbox,
 * other event types are skipped and poison is parked.
 */
@HelidonTest
@AddConfig(key = "style", value = "event-collaboration")
class BillingEventsTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("billing");
    private static final String USER_EVENTS = TestKafka.newTopic("user.events");
    private static final String ORDER_EVENTS = TestKafka.newTopic("order.events");

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("user.events.topic", USER_EVENTS);
        settings.put("order.events.topic", ORDER_EVENTS);
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aRegistrationOpensTheAccountOnceHoweverOftenItIsDelivered() {
        UUID user = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        registered(user, event);
        awaitAccount(user);
        registered(user, event);
        UUID republished = UUID.randomUUID();
        registered(user, republished);
        // Same key, same partition: the copy is handled before the re-published event.
        awaitCount("SELECT count(*) FROM processed_events WHERE event_id = '" + republished + "'", 1);
        assertThat(http.get("/billing/accounts/" + user).json().get("balance").asText(), is("0.00"));
        assertThat("the redelivered copy was a duplicate", count("SELECT count(*) FROM processed_events WHERE event_id = '"
                + event + "'"), is(1));
    }

    @Test
    void anOrderTheMoneyCoversIsPaidOnceAndOneOverTheBalanceIsRejected() {
        UUID user = UUID.randomUUID();
        registered(user, UUID.randomUUID());
        awaitAccount(user);
        assertThat(http.post("/billing/accounts/" + user + "/deposits", "{\"amount\": 100}").status(), is(200));

        UUID paid = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        created(paid, user, "30.50", event);
        OrdersDatabase.OutboxRow completed = awaitPayment(paid);
        assertThat(completed.aggregateType(), is("payment"));
        assertThat(completed.type(), is("PaymentCompleted"));
        assertThat(completed.payload().get("orderId").asText(), is(paid.toString()));
        assertThat(completed.payload().get("userId").asText(), is(user.toString()));
        assertThat(completed.payload().get("amount").decimalValue().compareTo(new java.math.BigDecimal("30.50")), is(0));
        assertThat(completed.payload().has("occurredAt"), is(true));
        assertThat(completed.payload().has("reason"), is(false));
        assertThat(balance(user), is("69.50"));

        // The same event again, and the same order re-published under a new event id: no money moves.
        created(paid, user, "30.50", event);
        created(paid, user, "30.50", UUID.randomUUID());
        UUID rejected = UUID.randomUUID();
        created(rejected, user, "500", UUID.randomUUID());
        OrdersDatabase.OutboxRow refusal = awaitPayment(rejected);
        assertThat(refusal.type(), is("PaymentRejected"));
        assertThat(refusal.payload().get("reason").asText(), is("INSUFFICIENT_FUNDS"));
        // The copies share the order's key, hence its partition: handled before the next event of that key.
        created(paid, user, "30.50", UUID.randomUUID());
        awaitCount("SELECT count(*) FROM outbox WHERE aggregateid = '" + paid + "'", 3);
        assertThat("the copy published nothing, each re-published event the first outcome again",
                OrdersDatabase.of(DATABASE).outbox(paid).stream().map(OrdersDatabase.OutboxRow::type).toList(),
                is(List.of("PaymentCompleted", "PaymentCompleted", "PaymentCompleted")));
        assertThat(balance(user), is("69.50"));
        assertThat("one withdrawal for the order", count("SELECT count(*) FROM ledger_entries WHERE order_id = '"
                + paid + "'"), is(1));
        assertThat("nothing withdrawn for the refused one", count("SELECT count(*) FROM ledger_entries WHERE order_id = '"
                + rejected + "'"), is(0));
    }

    @Test
    void anOrderOfAUserWithoutAnAccountIsRejectedAtOnce() {
        UUID order = UUID.randomUUID();
        created(order, UUID.randomUUID(), "5", UUID.randomUUID());
        OrdersDatabase.OutboxRow rejected = awaitPayment(order);
        assertThat(rejected.type(), is("PaymentRejected"));
        assertThat(rejected.payload().get("reason").asText(), is("NO_ACCOUNT"));
    }

    @Test
    void otherEventTypesAreSkippedAndPoisonIsParked() {
        UUID order = UUID.randomUUID();
        String key = order.toString();
        TestKafka.send(ORDER_EVENTS, key, "{\"orderId\":\"" + order + "\",\"status\":\"PAID\"}", UUID.randomUUID().toString(),
                "OrderPaid");
        TestKafka.send(ORDER_EVENTS, key, "{not json", UUID.randomUUID().toString(), "OrderCreated");
        TestKafka.send(ORDER_EVENTS, key, "{\"orderId\":\"" + order + "\",\"userId\":\"" + UUID.randomUUID()
                + "\",\"price\":0,\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", UUID.randomUUID().toString(), "OrderCreated");
        UUID user = UUID.randomUUID();
        TestKafka.send(USER_EVENTS, user.toString(), "{\"userId\":\"" + user + "\"}", UUID.randomUUID().toString(),
                "UserRenamed");

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM parked_events WHERE record_key = '"
                + key + "'") == 2);
        List<String> reasons = reasons(key);
        assertThat(reasons.get(0), containsString("value is not an OrderCreated event"));
        assertThat(reasons.get(1), containsString("invalid event: amount"));
        assertThat("no payment for the order", OrdersDatabase.of(DATABASE).outbox(order), hasSize(0));
        assertThat("the skipped events are not recorded", count("SELECT count(*) FROM processed_events WHERE event_type"
                + " IN ('OrderPaid', 'UserRenamed')"), is(0));
        assertThat(count("SELECT count(*) FROM parked_events WHERE record_key = '" + user + "'"), is(0));
        assertThat(http.get("/health/ready").text(), containsString("order-events-consumer"));
    }

    private static void registered(UUID user, UUID event) {
        TestKafka.send(USER_EVENTS, user.toString(), "{\"userId\":\"" + user + "\",\"name\":\"Ada\",\"email\":"
                + "\"ada@example.com\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", event.toString(), "UserRegistered");
    }

    private static void created(UUID order, UUID user, String price, UUID event) {
        TestKafka.send(ORDER_EVENTS, order.toString(), "{\"orderId\":\"" + order + "\",\"userId\":\"" + user
                + "\",\"price\":" + price + ",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", event.toString(), "OrderCreated");
    }

    private void awaitAccount(UUID user) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/billing/accounts/" + user).status() == 200);
    }

    private String balance(UUID user) {
        return http.get("/billing/accounts/" + user).json().get("balance").asText();
    }

    private static OrdersDatabase.OutboxRow awaitPayment(UUID order) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !OrdersDatabase.of(DATABASE).outbox(order).isEmpty());
        return OrdersDatabase.of(DATABASE).outbox(order).getFirst();
    }

    private static void awaitCount(String query, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> count(query) >= atLeast);
    }

    private static List<String> reasons(String key) {
        try (Connection db = connection(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT reason FROM parked_events WHERE record_key = '" + key
                     + "' ORDER BY record_offset")) {
            List<String> reasons = new java.util.ArrayList<>();
            while (rows.next()) {
                reasons.add(rows.getString(1));
            }
            return reasons;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one number a query of this test's database answers. */
    private static int count(String query) {
        try (Connection db = connection(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(DATABASE.get("db.url"), DATABASE.get("db.user"), DATABASE.get("db.password"));
    }
}
