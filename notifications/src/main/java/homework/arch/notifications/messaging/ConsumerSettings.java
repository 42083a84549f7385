package homework.arch.notifications.messaging;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

/** How the order-events consumer connects and retries ({@code microprofile-config.properties}). */
record ConsumerSettings(String bootstrapServers, String topic, String groupId, int maxAttempts,
                        Duration backoffInitial, Duration backoffMax) {

    static ConsumerSettings from(Config config) {
        return new ConsumerSettings(
                config.getValue("kafka.bootstrap.servers", String.class),
                config.getValue("order.events.topic", String.class),
                config.getValue("kafka.group.id", String.class),
                config.getOptionalValue("consumer.max-attempts", Integer.class).orElse(5),
                config.getOptionalValue("consumer.backoff-initial", Duration.class).orElse(Duration.ofMillis(200)),
                config.getOptionalValue("consumer.backoff-max", Duration.class).orElse(Duration.ofSeconds(10)));
    }

    /**
     * Offsets are committed by hand, after the letter's transaction; a new group starts at the
     * oldest record so that nothing published before the first start is missed.
     */
    Map<String, Object> kafkaProperties() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
    }
}
