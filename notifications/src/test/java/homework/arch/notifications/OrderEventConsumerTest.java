package homework.arch.notifications;

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
import homework.arch.stack.fixtures.CommitCutOff;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestKafka;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The order-events consumer against a real Kafka node and a real PostgreSQL: records produced the
 * way the relay produces them become letters, exactly once, and poison is parked.
 */
@HelidonTest
class OrderEventConsumerTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("notifications");
    private static final String TOPIC = TestKafka.newTopic();

    @Inject
    WebTarget target;

    @Inject
    @ConfigProperty(name = "kafka.group.id")
    String groupId;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("order.events.topic", TOPIC);
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aPaidOrderGivesOneHappyLetterAndACancelledOneASadLetter() {
        UUID user = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        send(user, paid, "OrderPaid", "PAID", "42.5", UUID.randomUUID());
        send(user, cancelled, "OrderCancelled", "CANCELLED", "1000000000", UUID.randomUUID());

        JsonNode letters = awaitLetters(user, 2);
        JsonNode sad = letters.get(0).get("orderId").asText().equals(cancelled.toString()) ? letters.get(0) : letters.get(1);
        JsonNode happy = sad == letters.get(0) ? letters.get(1) : letters.get(0);
        assertThat(happy.get("type").asText(), is("ORDER_PAID"));
        assertThat(happy.get("orderId").asText(), is(paid.toString()));
        assertThat(happy.get("email").asText(), is("ann@example.com"));
        assertThat(happy.get("subject").asText(), containsString(paid.toString()));
        assertThat(happy.get("body").asText(), allOf(containsString("42.50"), containsString("charged")));
        assertThat(sad.get("type").asText(), is("ORDER_CANCELLED"));
        assertThat(sad.get("body").asText(), allOf(containsString("1000000000.00"), containsString("cancelled")));
    }

    @Test
    void theConsumerLagIsAGaugePerPartitionBackToZeroOnceTheLettersAreWritten() {
        UUID user = UUID.randomUUID();
        send(user, UUID.randomUUID(), "OrderPaid", "PAID", "7", UUID.randomUUID());
        awaitLetters(user, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            TestHttp.Reply metrics = http.get("/metrics", Map.of("Accept", "text/plain"));
            for (int partition = 0; partition < TestKafka.PARTITIONS; partition++) {
                assertThat("partition " + partition, metrics.samples("notifications_consumer_lag",
                        Map.of("partition", String.valueOf(partition))), contains(0.0));
            }
        });
    }

    @Test
    void theSameRecordDeliveredTwiceGivesOneLetter() {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        double duplicatesBefore = http.metric("notifications_events_duplicates_total");
        send(user, order, "OrderPaid", "PAID", "10", event);
        send(user, order, "OrderPaid", "PAID", "10", event);
        // A later record of the same key (same partition) is handled only after both copies.
        UUID later = UUID.randomUUID();
        TestKafka.send(TOPIC, order.toString(), payload(user, later, "PAID", "3"), UUID.randomUUID().toString(), "OrderPaid");

        JsonNode letters = awaitLetters(user, 2);
        assertThat(letters.toString(), count(letters, order), is(1L));
        assertThat(letters.toString(), count(letters, later), is(1L));
        assertThat("the second copy", http.metric("notifications_events_duplicates_total") - duplicatesBefore, is(1.0));
    }

    @Test
    void aPolledBatchIsStoredInOneTransactionWithItsDuplicatesSkipped() {
        UUID user = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        // The same event twice, and a second event about the first order: one letter per order.
        TestKafka.sendTogether(TOPIC, user.toString(),
                List.of(payload(user, first, "PAID", "1"), payload(user, first, "PAID", "1"),
                        payload(user, second, "PAID", "2"), payload(user, first, "PAID", "1")),
                List.of(event.toString(), event.toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                "OrderPaid");

        JsonNode letters = awaitLetters(user, 2);
        assertThat(letters.toString(), count(letters, first), is(1L));
        assertThat(letters.toString(), count(letters, second), is(1L));
        assertThat("both letters written by one database transaction",
                count("SELECT count(DISTINCT xmin::text) FROM notifications WHERE user_id = '" + user + "'"), is(1));
    }

    @Test
    void aPoisonRecordInABatchIsParkedAndTheGoodOnesAroundItAreHandled() {
        UUID user = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        TestKafka.sendTogether(TOPIC, user.toString(),
                List.of(payload(user, before, "PAID", "1"), "{not json", payload(user, after, "PAID", "2")),
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                "OrderPaid");

        JsonNode letters = awaitLetters(user, 2);
        assertThat(letters.toString(), count(letters, before), is(1L));
        assertThat(letters.toString(), count(letters, after), is(1L));
        assertThat("the poison record parked once",
                count("SELECT count(*) FROM parked_events WHERE record_key = '" + user + "'"), is(1));
    }

    @Test
    void aPoisonRecordIsParkedAndTheNextGoodOneIsHandled() throws SQLException {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();
        double parkedBefore = http.metric("notifications_events_parked_total");
        TestKafka.send(TOPIC, key, "{not json", UUID.randomUUID().toString(), "OrderPaid");
        TestKafka.send(TOPIC, key, payload(user, order, "CANCELLED", "5"), UUID.randomUUID().toString(), "OrderPaid");
        TestKafka.send(TOPIC, key, payload(user, order, "PAID", "5"), null, "OrderPaid");
        send(user, order, "OrderPaid", "PAID", "5", UUID.randomUUID());

        JsonNode letters = awaitLetters(user, 1);
        assertThat(letters.get(0).get("orderId").asText(), is(order.toString()));
        try (Connection db = DriverManager.getConnection(DATABASE.get("db.url"), DATABASE.get("db.user"),
                DATABASE.get("db.password"));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT reason FROM parked_events WHERE record_key = '" + key
                     + "' ORDER BY record_offset")) {
            assertThat(rows.next(), is(true));
            assertThat(rows.getString(1), containsString("not an order event"));
            assertThat(rows.next(), is(true));
            assertThat(rows.getString(1), containsString("OrderPaid with status CANCELLED"));
            assertThat(rows.next(), is(true));
            assertThat(rows.getString(1), containsString("header id is missing"));
        }
        assertThat("the three records at fault", http.metric("notifications_events_parked_total") - parkedBefore,
                is(3.0));
    }

    @Test
    void anOrderCreatedEventIsNotForNotificationsAndIsSkippedNotParked() {
        // Orders publishes OrderCreated on the same topic in the event-collaboration style, for billing.
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        double parkedBefore = http.metric("notifications_events_parked_total");
        TestKafka.send(TOPIC, order.toString(), "{\"orderId\":\"" + order + "\",\"userId\":\"" + user
                + "\",\"price\":5,\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}", UUID.randomUUID().toString(),
                "OrderCreated");
        send(user, order, "OrderPaid", "PAID", "5", UUID.randomUUID());

        JsonNode letters = awaitLetters(user, 1);
        assertThat(letters.toString(), count(letters, order), is(1L));
        assertThat(count("SELECT count(*) FROM parked_events WHERE record_key = '" + order + "'"), is(0));
        assertThat(count("SELECT count(*) FROM processed_events WHERE event_type = 'OrderCreated'"), is(0));
        assertThat(http.metric("notifications_events_parked_total") - parkedBefore, is(0.0));
    }

    @Test
    void aCommitCutOffByTheDatabaseIsRetriedAndTheConsumerGoesOn() {
        // The first commit of this user's letter fails as when PostgreSQL crashes during it. That
        // once ended the consumer thread, and no letter came any more.
        UUID user = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (CommitCutOff cutOff = CommitCutOff.firstInsert(DATABASE, "notifications", "NEW.user_id = '" + user + "'")) {
            send(user, first, "OrderPaid", "PAID", "7", UUID.randomUUID());
            send(user, second, "OrderCancelled", "CANCELLED", "8", UUID.randomUUID());

            JsonNode letters = awaitLetters(user, 2);
            assertThat(letters.toString(), count(letters, first), is(1L));
            assertThat(letters.toString(), count(letters, second), is(1L));
            assertThat("the first commit was cut off and tried again", cutOff.attempts(), greaterThanOrEqualTo(2L));
            assertThat(http.get("/health/live").status(), is(200));
        }
    }

    @Test
    void aBatchWhoseCommitIsCutOffIsDoneAgainRecordByRecord() {
        UUID user = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (CommitCutOff cutOff = CommitCutOff.firstInsert(DATABASE, "notifications", "NEW.user_id = '" + user + "'")) {
            TestKafka.sendTogether(TOPIC, user.toString(),
                    List.of(payload(user, first, "PAID", "1"), payload(user, second, "PAID", "2")),
                    List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()), "OrderPaid");

            JsonNode letters = awaitLetters(user, 2);
            assertThat(letters.toString(), count(letters, first), is(1L));
            assertThat(letters.toString(), count(letters, second), is(1L));
            assertThat("the batch's commit was cut off and the first letter tried again", cutOff.attempts(),
                    greaterThanOrEqualTo(2L));
        }
    }

    @Test
    void theOffsetsOfHandledRecordsAreCommittedSoARestartResumesAfterThem() throws Exception {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            send(user, UUID.randomUUID(), "OrderPaid", "PAID", "1", UUID.randomUUID());
        }
        awaitLetters(user, 30);
        // Offsets are committed once per polled batch, after its letters: once every letter is
        // listed, the group's committed offsets reach the end of every partition of the topic.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.kafka().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        groupId).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(partition -> partition.topic().equals(TOPIC))
                        .forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                assertThat("a committed offset for every partition", latest.size(), is(TestKafka.PARTITIONS));
                ends.forEach((partition, end) -> assertThat(partition.toString(), committed.get(partition).offset(),
                        is(end.offset())));
            });
        }
    }

    private static void send(UUID user, UUID order, String type, String status, String price, UUID eventId) {
        TestKafka.send(TOPIC, order.toString(), payload(user, order, status, price), eventId.toString(), type);
    }

    private static String payload(UUID user, UUID order, String status, String price) {
        return "{\"orderId\":\"" + order + "\",\"userId\":\"" + user + "\",\"email\":\"ann@example.com\",\"price\":"
                + price + ",\"status\":\"" + status + "\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}";
    }

    private JsonNode awaitLetters(UUID user, int expected) {
        JsonNode[] letters = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            letters[0] = http.get("/notifications?userId=" + user).json();
            return letters[0].size() >= expected;
        });
        return letters[0];
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

    private static long count(JsonNode letters, UUID order) {
        long n = 0;
        for (JsonNode letter : letters) {
            n += letter.get("orderId").asText().equals(order.toString()) ? 1 : 0;
        }
        return n;
    }
}
