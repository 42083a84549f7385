package homework.arch.stack.services;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestHttp;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * Style 3, event collaboration, with nothing stubbed: PostgreSQL, a Kafka KRaft node, three Debezium
 * Servers with {@code outbox-relay/application.properties} (one per source database: users,
 * billing, orders) and the four services as their built jars with {@code STYLE=event-collaboration}.
 * No service calls another: a registration opens the account through {@code UserRegistered}, an
 * order is {@code 202 PENDING} and settles through {@code OrderCreated}, billing's payment event and
 * orders' final event, which notifications turns into exactly one letter.
 */
class EventCollaborationIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final List<String> TOPICS = List.of("user.events", "order.events", "payment.events");
    private static final List<String> SOURCES = List.of("users", "billing", "orders");

    /** Data and logs of every process; kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;
    private static Postgres postgres;
    private static Kafka kafka;
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static final List<DebeziumServer> RELAYS = new ArrayList<>();
    private static final Map<String, ServiceProcess> SERVICES = new HashMap<>();

    @BeforeAll
    static void start() {
        Path logs = work.resolve("logs");
        postgres = Postgres.start(work.resolve("postgres"), Ports.free(), UUID.randomUUID().toString());
        PASSWORDS.putAll(ServiceRig.prepareDatabases(postgres, SOURCES));
        kafka = Kafka.start(work.resolve("kafka"), Ports.free(), Ports.free(), logs);
        TOPICS.forEach(topic -> kafka.createTopic(topic, 3));
        // Billing is where style 2 would call it: nothing may.
        Map<String, String> styleThree = Map.of("STYLE", "event-collaboration",
                "BILLING_URL", "http://127.0.0.1:" + Ports.free());
        SERVICES.putAll(ServiceRig.start(postgres, PASSWORDS, kafka.bootstrapServers(), Map.of("users", styleThree,
                "billing", styleThree, "orders", styleThree, "notifications", styleThree), logs));
        for (String source : SOURCES) {
            RELAYS.add(DebeziumServer.start(new DebeziumServer.Source(postgres, source, "relay", PASSWORDS.get("relay"),
                    kafka.bootstrapServers()), work.resolve("debezium-" + source), Ports.free(), logs));
        }
    }

    @AfterAll
    static void stop() {
        ServiceRig.stop(RELAYS, SERVICES, kafka, postgres);
    }

    @Test
    void aRegisteredUsersOrdersArePaidOrCancelledByEventsWithOneLetterEachAndRedeliveriesChangeNothing()
            throws Exception {
        String email = "eve-" + UUID.randomUUID() + "@example.com";
        TestHttp.Reply registered = http("users").post("/users", "{\"name\":\"Eve\",\"email\":\"" + email + "\"}");
        assertThat(registered.text(), registered.status(), is(201));
        UUID user = UUID.fromString(registered.json().get("id").asText());

        await("billing opens the account from UserRegistered").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> http("billing").get("/billing/accounts/" + user).status() == 200);
        TestHttp.Reply deposit = http("billing").post("/billing/accounts/" + user + "/deposits", "{\"amount\": 100.00}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(deposit.text(), deposit.status(), is(200));

        UUID paid = placed(user, "30.00");
        UUID cancelled = placed(user, "500.00");
        awaitStatus(paid, "PAID");
        awaitStatus(cancelled, "CANCELLED");
        assertThat(balance(user), is("70.00"));

        JsonNode letters = awaitLetters(user, 2);
        assertThat(letters.toString(), letters.size(), is(2));
        for (JsonNode letter : letters) {
            boolean isPaid = letter.get("orderId").asText().equals(paid.toString());
            assertThat(letter.toString(), letter.get("type").asText(), is(isPaid ? "ORDER_PAID" : "ORDER_CANCELLED"));
            assertThat(letter.get("email").asText(), is(email));
        }

        // Every event of the paid order delivered once more, as after a relay's crash: nothing changes.
        double billingDuplicates = metric("billing", "billing_orders_events_duplicates_total");
        double ordersDuplicates = metric("orders", "orders_payments_events_duplicates_total");
        double letterDuplicates = metric("notifications", "notifications_events_duplicates_total");
        redeliver("order.events", paid);
        redeliver("payment.events", paid);
        await().atMost(WITHIN).until(() -> metric("billing", "billing_orders_events_duplicates_total") > billingDuplicates
                && metric("orders", "orders_payments_events_duplicates_total") > ordersDuplicates
                && metric("notifications", "notifications_events_duplicates_total") > letterDuplicates);
        assertThat(balance(user), is("70.00"));
        assertThat("one withdrawal for the paid order", count("billing",
                "SELECT count(*) FROM ledger_entries WHERE order_id = '" + paid + "'"), is(1L));
        assertThat("none for the cancelled one", count("billing",
                "SELECT count(*) FROM ledger_entries WHERE order_id = '" + cancelled + "'"), is(0L));
        assertThat("one payment event each", count("billing", "SELECT count(*) FROM outbox WHERE aggregateid IN ('"
                + paid + "', '" + cancelled + "')"), is(2L));
        assertThat("orders' events: created and settled, once each", count("orders",
                "SELECT count(*) FROM outbox WHERE aggregateid IN ('" + paid + "', '" + cancelled + "')"), is(4L));
        assertThat(http("orders").get("/orders/" + paid).json().get("status").asText(), is("PAID"));
        assertThat(awaitLetters(user, 2).size(), is(2));
        assertThat("money is never negative", count("billing",
                "SELECT count(*) FROM ledger_entries WHERE balance_after < 0"), is(0L));
        assertThat(count("billing", "SELECT count(*) FROM accounts WHERE balance < 0"), is(0L));
        for (String service : List.of("billing", "orders", "notifications")) {
            assertThat(service + " parked nothing", count(service, "SELECT count(*) FROM parked_events"), is(0L));
        }
    }

    /** {@code POST /orders} until orders has seen the user (before that: 404, nothing stored); answers 202 PENDING. */
    private static UUID placed(UUID user, String price) {
        UUID order = UUID.randomUUID();
        String body = "{\"id\":\"" + order + "\",\"userId\":\"" + user + "\",\"price\":" + price + "}";
        TestHttp.Reply[] reply = new TestHttp.Reply[1];
        await("orders knows the user from UserRegistered").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> (reply[0] = http("orders").post("/orders", body)).status() != 404);
        assertThat(reply[0].text(), reply[0].status(), is(202));
        assertThat(reply[0].json().get("status").asText(), is("PENDING"));
        assertThat(reply[0].header("Location").orElse(""), endsWith("/orders/" + order));
        return order;
    }

    private static void awaitStatus(UUID order, String status) {
        await("order " + order + " " + status).atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> http("orders").get("/orders/" + order).json().get("status").asText().equals(status));
    }

    private static JsonNode awaitLetters(UUID user, int expected) {
        JsonNode[] letters = new JsonNode[1];
        await("letters").atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            letters[0] = http("notifications").get("/notifications?userId=" + user).json();
            return letters[0].size() >= expected;
        });
        return letters[0];
    }

    private static String balance(UUID user) {
        return http("billing").get("/billing/accounts/" + user).json().get("balance").asText();
    }

    private static double metric(String service, String name) {
        return http(service).metric(name);
    }

    /** Every record of {@code topic} keyed by the order, produced again as it was (headers, event id and all). */
    private static void redeliver(String topic, UUID order) throws Exception {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "event-collaboration-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().contains(order.toString())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(topic + " records of " + order, found.size(), greaterThanOrEqualTo(1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> record : found) {
                producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
                        record.headers())).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The one number a query answers in a service's database, as that service's role. */
    private static long count(String service, String query) {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(service), service, PASSWORDS.get(service));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static TestHttp http(String service) {
        return new TestHttp(SERVICES.get(service).uri());
    }
}
