package homework.arch.stack.services;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.SecuredListener;
import homework.arch.stack.fixtures.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The event path through a Kafka that needs TLS and SCRAM-SHA-512, as a Strimzi cluster's listener
 * does: Debezium Server with {@code outbox-relay/application.properties} and the notifications
 * service's consumer each log in as their own user, trusting the cluster's CA from a PEM file, with
 * the variables the Helm chart sets ({@code KAFKA_SECURITY_PROTOCOL}, ...). A wrong password is
 * refused and says so in the log, and what the relay could not send waits in its slot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredKafkaIT {

    private static final Duration LETTERS_WITHIN = Duration.ofSeconds(90);
    private static final String AUTHENTICATION_FAILED = "Authentication failed";

    /** Data and logs of every process; kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static final Map<String, ServiceProcess> SERVICES = new HashMap<>();
    private static Postgres postgres;
    private static Kafka kafka;
    private static SecuredListener listener;
    private static DebeziumServer relay;
    private static StackHttp http;

    @BeforeAll
    static void start() {
        Path logs = work.resolve("logs");
        postgres = Postgres.start(work.resolve("postgres"), Ports.free(), UUID.randomUUID().toString());
        PASSWORDS.putAll(ServiceRig.prepareDatabases(postgres));
        listener = SecuredListener.create(Ports.free(), work.resolve("tls"));
        kafka = Kafka.start(work.resolve("kafka"), Ports.free(), Ports.free(), listener, logs);
        kafka.createTopic("order.events", 3);
        kafka.addUser("relay", PASSWORDS.get("relay"));
        kafka.addUser("notifications", PASSWORDS.get("notifications"));

        SERVICES.putAll(ServiceRig.start(postgres, PASSWORDS, listener.bootstrapServers(),
                Map.of("notifications", listener.clientEnvironment("notifications", PASSWORDS.get("notifications"))), logs));
        http = new StackHttp(SERVICES);
        relay = startRelay(PASSWORDS.get("relay"));
    }

    @AfterAll
    static void stop() {
        ServiceRig.stop(relay == null ? List.of() : List.of(relay), SERVICES, kafka, postgres);
    }

    @Test
    @Order(1)
    void anOrderBecomesALetterThroughTheSecuredListener() {
        UUID user = http.user("sec-" + UUID.randomUUID() + "@example.com", new BigDecimal("100.00"));
        JsonNode paid = http.order(user, new BigDecimal("30.00"));
        JsonNode letters = awaitLetters(user, 1);
        assertThat(letters.get(0).get("orderId").asText(), is(paid.get("id").asText()));
    }

    @Test
    @Order(2)
    void aClientWithAWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(listener.clientSettings("notifications", "wrong"));
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, listener.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "secured-it-" + UUID.randomUUID()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("order.events"));
            SaslAuthenticationException refused = assertThrows(SaslAuthenticationException.class,
                    () -> consumer.poll(Duration.ofSeconds(30)));
            assertThat(refused.getMessage(), containsString(AUTHENTICATION_FAILED));
        }
    }

    /** A notifications replica with a wrong password keeps retrying, and its log says why. */
    @Test
    @Order(3)
    void aConsumerWithAWrongPasswordSaysSoInItsLog() {
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", postgres.jdbcUrl("notifications"),
                "DB_USER", "notifications", "DB_PASSWORD", PASSWORDS.get("notifications"),
                "KAFKA_BOOTSTRAP_SERVERS", listener.bootstrapServers()));
        env.putAll(listener.clientEnvironment("notifications", "wrong"));
        ServiceProcess wrong = ServiceProcess.startReplica("notifications", "notifications-wrong-password", Ports.free(),
                env, work.resolve("logs"), Duration.ofSeconds(180));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> log(wrong.log()).contains(AUTHENTICATION_FAILED));
        } finally {
            wrong.stop();
        }
    }

    /**
     * A relay with a wrong password fails on its first event and says why; the event waits in the
     * slot and is relayed once the relay logs in again.
     */
    @Test
    @Order(4)
    void aRelayWithAWrongPasswordFailsVisiblyAndItsEventsWait() {
        relay.stop();
        relay = startRelay("wrong");
        UUID user = http.user("wait-" + UUID.randomUUID() + "@example.com", new BigDecimal("100.00"));
        JsonNode paid = http.order(user, new BigDecimal("10.00"));
        await().atMost(Duration.ofSeconds(60)).until(() -> log(relay.process().log()).contains(AUTHENTICATION_FAILED));
        assertThat("a letter without a relay that can log in", http.letters(user).size(), is(0));

        relay.stop();
        relay = startRelay(PASSWORDS.get("relay"));
        assertThat(awaitLetters(user, 1).get(0).get("orderId").asText(), is(paid.get("id").asText()));
    }

    private static DebeziumServer startRelay(String password) {
        DebeziumServer.Source source = new DebeziumServer.Source(postgres, "orders", "relay", PASSWORDS.get("relay"),
                listener.bootstrapServers(), DebeziumServer.slotName("orders"), listener.clientEnvironment("relay", password));
        return DebeziumServer.start(source, work.resolve("debezium"), Ports.free(), work.resolve("logs"));
    }

    private static JsonNode awaitLetters(UUID user, int expected) {
        return http.awaitLetters(user, expected, LETTERS_WITHIN);
    }

    private static String log(Path file) throws IOException {
        return Files.readString(file);
    }
}
