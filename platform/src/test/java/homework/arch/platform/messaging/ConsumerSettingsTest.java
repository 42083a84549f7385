package homework.arch.platform.messaging;

import java.time.Duration;
import java.util.Map;

import io.helidon.config.mp.MpConfigSources;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** The TLS and SASL settings of a secured Kafka reach the consumers' kafka-clients only when they are set. */
class ConsumerSettingsTest {

    @Test
    void withoutSecuritySettingsTheClientKeepsKafkasDefaults() {
        Map<String, Object> properties = settings(Map.of()).kafkaProperties();
        for (String setting : ConsumerSettings.SECURITY_SETTINGS) {
            assertThat(properties, not(hasKey(setting)));
        }
        assertThat(properties, hasEntry("bootstrap.servers", "kafka:9092"));
    }

    @Test
    void theSecuritySettingsThatAreSetReachTheClient() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"orders\" password=\"p\";";
        Map<String, Object> properties = settings(Map.of("kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512", "kafka.sasl.jaas.config", jaas,
                "kafka.ssl.truststore.type", "PEM", "kafka.ssl.truststore.location", "/etc/arch/kafka-ca/ca.crt"))
                .kafkaProperties();
        assertThat(properties, hasEntry("security.protocol", "SASL_SSL"));
        assertThat(properties, hasEntry("sasl.mechanism", "SCRAM-SHA-512"));
        assertThat(properties, hasEntry("sasl.jaas.config", jaas));
        assertThat(properties, hasEntry("ssl.truststore.type", "PEM"));
        assertThat(properties, hasEntry("ssl.truststore.location", "/etc/arch/kafka-ca/ca.crt"));
        assertThat(properties, hasEntry("group.id", "orders"));
    }

    @Test
    void thePasswordIsNotInTheTextOfTheSettings() {
        ConsumerSettings settings = settings(Map.of("kafka.sasl.jaas.config", "... password=\"secret\";"));
        assertThat(settings.toString().contains("secret"), is(false));
    }

    private static ConsumerSettings settings(Map<String, String> values) {
        Config config = ConfigProviderResolver.instance().getBuilder()
                .withSources(MpConfigSources.create(values)).build();
        return new ConsumerSettings("kafka:9092", "orders", Duration.ofSeconds(10), Duration.ofMillis(25), 5,
                Duration.ofMillis(200), Duration.ofSeconds(10), config);
    }
}
