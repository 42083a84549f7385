package homework.arch.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a service's consumers connect and retry: the service's {@code microprofile-config.properties},
 * over platform's defaults. One consumer group per service ({@code kafka.group.id}), whatever topics
 * its consumers read. {@code security} holds the {@link #SECURITY_SETTINGS} that are set.
 */
@Dependent
public record ConsumerSettings(String bootstrapServers, String groupId, Duration sessionTimeout, Duration fetchWait,
                        int maxAttempts, Duration backoffInitial, Duration backoffMax, Map<String, String> security) {

    /** What a fetch waits for, up to {@code fetchWait}: about 25 events. */
    static final int FETCH_MIN_BYTES = 16 * 1024;

    /**
     * The kafka-clients settings of a Kafka that needs TLS or SASL (the Helm chart's
     * {@code kafka.external}), each read as {@code kafka.<setting>} ({@code KAFKA_SASL_JAAS_CONFIG}
     * in the environment) and passed on only when set: unset, Kafka's own defaults (PLAINTEXT).
     */
    static final List<String> SECURITY_SETTINGS = List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            SaslConfigs.SASL_MECHANISM, SaslConfigs.SASL_JAAS_CONFIG, SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
            SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);

    @Inject
    public ConsumerSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "kafka.group.id") String groupId,
                     @ConfigProperty(name = "kafka.session-timeout") Duration sessionTimeout,
                     @ConfigProperty(name = "kafka.fetch-wait") Duration fetchWait,
                     @ConfigProperty(name = "consumer.max-attempts") int maxAttempts,
                     @ConfigProperty(name = "consumer.backoff-initial") Duration backoffInitial,
                     @ConfigProperty(name = "consumer.backoff-max") Duration backoffMax,
                     Config config) {
        this(bootstrapServers, groupId, sessionTimeout, fetchWait, maxAttempts, backoffInitial, backoffMax,
                security(config));
    }

    public ConsumerSettings {
        security = Map.copyOf(security);
    }

    /** Without the values of {@link #security}: the JAAS line holds a password. */
    @Override
    public String toString() {
        return "ConsumerSettings[bootstrapServers=" + bootstrapServers + ", groupId=" + groupId + ", security="
                + security.keySet() + "]";
    }

    /** The {@link #SECURITY_SETTINGS} {@code config} sets, by kafka-clients name. */
    static Map<String, String> security(Config config) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String setting : SECURITY_SETTINGS) {
            config.getOptionalValue("kafka." + setting, String.class).ifPresent(value -> set.put(setting, value));
        }
        return set;
    }

    /**
     * Offsets are committed by hand, after the transaction of the records' effects; a new group starts at the
     * oldest record so that nothing published before the first start is missed. A replica that
     * dies without leaving the group keeps its partitions until its session times out; the other
     * replicas take them over then, so the session is short (heartbeats every third of it). A
     * fetch waits up to {@code fetchWait} for {@link #FETCH_MIN_BYTES} rather than returning each
     * event as it arrives, so that under load the effects of many events share one transaction
     * and one offset commit; when events are few, each waits that long more.
     */
    Map<String, Object> kafkaProperties() {
        Map<String, Object> properties = new HashMap<>(security);
        properties.putAll(Map.ofEntries(
                Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ConsumerConfig.GROUP_ID_CONFIG, groupId),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                Map.entry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100),
                Map.entry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES),
                Map.entry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis()),
                Map.entry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis()),
                Map.entry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) sessionTimeout.toMillis() / 3),
                Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class),
                Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class),
                Map.entry(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000)));
        return properties;
    }
}
