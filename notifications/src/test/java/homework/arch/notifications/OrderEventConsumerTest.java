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
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.stack.fixtures.CommitCutOff;
import homework.arch.stack.fixtures.TestDatabase;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DATABASE);
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("order.events.topic", TOPIC);
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
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
        assertEquals("ORDER_PAID", happy.get("type").asText());
        assertEquals(paid.toString(), happy.get("orderId").asText());
        assertEquals("ann@example.com", happy.get("email").asText());
        assertTrue(happy.get("subject").asText().contains(paid.toString()), happy.toString());
        assertTrue(happy.get("body").asText().contains("42.50") && happy.get("body").asText().contains("charged"),
                happy.toString());
        assertEquals("ORDER_CANCELLED", sad.get("type").asText());
        assertTrue(sad.get("body").asText().contains("1000000000.00") && sad.get("body").asText().contains("cancelled"),
                sad.toString());
    }

    @Test
    void theSameRecordDeliveredTwiceGivesOneLetter() {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        double duplicatesBefore = metric("notifications_events_duplicates_total");
        send(user, order, "OrderPaid", "PAID", "10", event);
        send(user, order, "OrderPaid", "PAID", "10", event);
        // A later record of the same key (same partition) is handled only after both copies.
        UUID later = UUID.randomUUID();
        TestKafka.send(TOPIC, order.toString(), payload(user, later, "PAID", "3"), UUID.randomUUID().toString(), "OrderPaid");

        JsonNode letters = awaitLetters(user, 2);
        assertEquals(1, count(letters, order));
        assertEquals(1, count(letters, later));
        assertEquals(1, metric("notifications_events_duplicates_total") - duplicatesBefore, "the second copy");
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
        assertEquals(1, count(letters, first), letters.toString());
        assertEquals(1, count(letters, second), letters.toString());
        assertEquals(1, count("SELECT count(DISTINCT xmin::text) FROM notifications WHERE user_id = '" + user + "'"),
                "both letters written by one database transaction");
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
        assertEquals(1, count(letters, before), letters.toString());
        assertEquals(1, count(letters, after), letters.toString());
        assertEquals(1, count("SELECT count(*) FROM parked_events WHERE record_key = '" + user + "'"),
                "the poison record parked once");
    }

    @Test
    void aPoisonRecordIsParkedAndTheNextGoodOneIsHandled() throws Exception {
        UUID user = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String key = order.toString();
        double parkedBefore = metric("notifications_events_parked_total");
        TestKafka.send(TOPIC, key, "{not json", UUID.randomUUID().toString(), "OrderPaid");
        TestKafka.send(TOPIC, key, payload(user, order, "CANCELLED", "5"), UUID.randomUUID().toString(), "OrderPaid");
        TestKafka.send(TOPIC, key, payload(user, order, "PAID", "5"), null, "OrderPaid");
        send(user, order, "OrderPaid", "PAID", "5", UUID.randomUUID());

        JsonNode letters = awaitLetters(user, 1);
        assertEquals(order.toString(), letters.get(0).get("orderId").asText());
        try (Connection db = DriverManager.getConnection(DATABASE.get("db.url"), DATABASE.get("db.user"),
                DATABASE.get("db.password"));
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT reason FROM parked_events WHERE record_key = '" + key
                     + "' ORDER BY record_offset")) {
            assertTrue(rows.next());
            assertTrue(rows.getString(1).contains("not an order event"), rows.getString(1));
            assertTrue(rows.next());
            assertTrue(rows.getString(1).contains("OrderPaid with status CANCELLED"), rows.getString(1));
            assertTrue(rows.next());
            assertTrue(rows.getString(1).contains("header id is missing"), rows.getString(1));
        }
        assertEquals(3, metric("notifications_events_parked_total") - parkedBefore, "the three records at fault");
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
            assertEquals(1, count(letters, first), letters.toString());
            assertEquals(1, count(letters, second), letters.toString());
            assertTrue(cutOff.attempts() >= 2, "the first commit was cut off and tried again");
            assertEquals(200, target.path("/health/live").request().get().getStatus());
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
            assertEquals(1, count(letters, first), letters.toString());
            assertEquals(1, count(letters, second), letters.toString());
            assertTrue(cutOff.attempts() >= 2, "the batch's commit was cut off and the first letter tried again");
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
                assertEquals(TestKafka.PARTITIONS, latest.size(), "a committed offset for every partition");
                ends.forEach((partition, end) -> assertEquals(end.offset(), committed.get(partition).offset(),
                        partition.toString()));
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
            letters[0] = JsonMapperProvider.mapper().readTree(target.path("/notifications").queryParam("userId", user)
                    .request().get(String.class));
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

    private double metric(String name) {
        String metrics = target.path("/metrics").request(MediaType.TEXT_PLAIN).get(String.class);
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
