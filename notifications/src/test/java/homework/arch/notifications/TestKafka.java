package homework.arch.notifications;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One real Kafka node per test JVM (the shared fixture; stopped, and its folder deleted, when the JVM
 * exits), and records shaped like the relay's.
 */
final class TestKafka {

    /** Partitions of every test topic, as the stack's topic has several. */
    static final int PARTITIONS = 3;

    private static Kafka kafka;

    private TestKafka() {
    }

    static synchronized Kafka kafka() {
        if (kafka == null) {
            Path work = Folders.temporary("notifications-kafka");
            Kafka started = Kafka.start(work.resolve("data"), Ports.free(), Ports.free(), work.resolve("logs"));
            kafka = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.stop();
                Folders.delete(work);
            }, "stop-test-kafka"));
        }
        return kafka;
    }

    /** A fresh topic, so that each test class reads only its own records. */
    static String newTopic() {
        String topic = "order.events.test-" + UUID.randomUUID();
        kafka().createTopic(topic, PARTITIONS);
        return topic;
    }

    /** Sends a record with the relay's headers: {@code id} and {@code eventType} as JSON strings. */
    static void send(String topic, String key, String value, String eventId, String eventType) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record(topic, key, value, eventId, eventType)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Record not sent", e);
        }
    }

    /**
     * Sends records under one key in one Kafka transaction: the consumer (read_committed) sees none
     * of them until all are committed, and then all at once, so one poll returns them together.
     * Each value's {@code id} header is the matching entry of {@code eventIds}.
     */
    static void sendTogether(String topic, String key, List<String> values, List<String> eventIds, String eventType) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < values.size(); i++) {
                producer.send(record(topic, key, values.get(i), eventIds.get(i), eventType));
            }
            producer.commitTransaction();
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value, String eventId,
                                                         String eventType) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (eventId != null) {
            record.headers().add("id", ("\"" + eventId + "\"").getBytes(StandardCharsets.UTF_8));
        }
        if (eventType != null) {
            record.headers().add("eventType", ("\"" + eventType + "\"").getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
