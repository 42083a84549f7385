package homework.arch.stack.services;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.Repository;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * The whole event path with nothing stubbed: PostgreSQL, a Kafka KRaft node, Debezium Server with
 * {@code outbox-relay/application.properties}, and users, billing, orders and notifications as
 * their built jars. Orders commit their outbox rows; letters must follow, exactly once each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final String TOPIC = "order.events";
    private static final Duration LETTERS_WITHIN = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Data and logs of every process; kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;
    private static Postgres postgres;
    private static Kafka kafka;
    private static DebeziumServer relay;
    private static DebeziumServer.Source relaySource;
    private static int relayPort;
    private static final Map<String, ServiceProcess> SERVICES = new HashMap<>();
    private static StackHttp http;

    @BeforeAll
    static void start() throws Exception {
        Path logs = work.resolve("logs");
        postgres = Postgres.start(work.resolve("postgres"), Ports.free(), UUID.randomUUID().toString());
        Map<String, String> passwords = ServiceRig.prepareDatabases(postgres);
        kafka = Kafka.start(work.resolve("kafka"), Ports.free(), Ports.free(), logs);
        kafka.createTopic(TOPIC, 3);

        SERVICES.putAll(ServiceRig.start(postgres, passwords, kafka.bootstrapServers(), Map.of(), logs));
        http = new StackHttp(SERVICES);

        relaySource = new DebeziumServer.Source(postgres, "orders", "relay", passwords.get("relay"),
                kafka.bootstrapServers());
        relayPort = Ports.free();
    }

    /** The relay runs for every test but the first, which starts it itself. */
    @BeforeEach
    void relayRuns(TestInfo test) {
        if (relay == null && !test.getTestMethod().orElseThrow().getName().startsWith("ordersSettledBeforeTheRelay")) {
            startRelay();
        }
    }

    private static void startRelay() {
        relay = DebeziumServer.start(relaySource, work.resolve("debezium"), relayPort, work.resolve("logs"));
    }

    @AfterAll
    static void stop() {
        ServiceRig.stop(relay == null ? List.of() : List.of(relay), SERVICES, kafka, postgres);
    }

    /**
     * In a cluster nothing orders the pods: orders may settle its first orders long before the relay
     * first runs. The slot made with the database keeps their outbox rows until it does.
     */
    @Test
    @Order(0)
    void ordersSettledBeforeTheRelayHasEverRunGetTheirLettersOnceItStarts() {
        assertThat("the relay runs already", postgres.exists("SELECT 1 FROM pg_replication_slots WHERE active"), is(false));
        UUID user = http.user("first-" + UUID.randomUUID() + "@example.com", new BigDecimal("100.00"));
        JsonNode paid = http.order(user, new BigDecimal("30.00"));
        JsonNode cancelled = http.order(user, new BigDecimal("500.00"));
        assertThat(paid.get("status").asText(), is("PAID"));
        assertThat(cancelled.get("status").asText(), is("CANCELLED"));
        assertThat("a letter without a relay", http.letters(user).size(), is(0));

        startRelay();
        JsonNode letters = awaitLetters(user, 2);
        Set<String> letterOrders = new java.util.HashSet<>();
        letters.forEach(letter -> letterOrders.add(letter.get("orderId").asText()));
        assertThat(letterOrders, is(Set.of(paid.get("id").asText(), cancelled.get("id").asText())));
        assertThat(letters.toString(), letters.size(), is(2));
    }

    @Test
    @Order(1)
    void aPaidAndACancelledOrderEachGiveExactlyOneLetterWithTypeOrderAndEmail() throws Exception {
        String email = "ann-" + UUID.randomUUID() + "@example.com";
        UUID user = http.user(email, new BigDecimal("100.00"));
        JsonNode paid = http.order(user, new BigDecimal("30.00"));
        JsonNode cancelled = http.order(user, new BigDecimal("500.00"));
        assertThat(paid.get("status").asText(), is("PAID"));
        assertThat(cancelled.get("status").asText(), is("CANCELLED"));

        JsonNode letters = awaitLetters(user, 2);
        assertThat(letters.toString(), letters.size(), is(2));
        for (JsonNode letter : letters) {
            boolean isPaid = letter.get("orderId").asText().equals(paid.get("id").asText());
            assertThat(letter.toString(), letter.get("type").asText(), is(isPaid ? "ORDER_PAID" : "ORDER_CANCELLED"));
            assertThat(letter.get("orderId").asText(), is((isPaid ? paid : cancelled).get("id").asText()));
            assertThat(letter.get("email").asText(), is(email));
        }
        // What the relay really wrote matches the contract in openapi/asyncapi.yaml.
        Map<String, ConsumerRecord<String, String>> records = records(Set.of(paid.get("id").asText(),
                cancelled.get("id").asText()));
        JsonSchema schema = orderEventSchema();
        for (ConsumerRecord<String, String> record : records.values()) {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(record.value()));
            assertThat(errors + " in " + record.value(), errors, is(empty()));
            assertThat(header(record, "eventType"), header(record, "eventType").matches("\"Order(Paid|Cancelled)\""),
                    is(true));
        }
    }

    @Test
    @Order(2)
    void theSameKafkaRecordDeliveredTwiceGivesOneLetter() throws Exception {
        UUID user = http.user("bo-" + UUID.randomUUID() + "@example.com", new BigDecimal("100.00"));
        String order = http.order(user, new BigDecimal("10.00")).get("id").asText();
        awaitLetters(user, 1);
        double duplicatesBefore = http.metric("notifications_events_duplicates_total");
        ConsumerRecord<String, String> original = records(Set.of(order)).get(order);
        ProducerRecord<String, String> copy = new ProducerRecord<>(TOPIC, original.partition(), original.key(),
                original.value(), original.headers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(copy).get(30, TimeUnit.SECONDS);
        }
        await().atMost(LETTERS_WITHIN).until(() -> http.metric("notifications_events_duplicates_total") > duplicatesBefore);
        assertThat(http.letters(user).size(), is(1));
    }

    @Test
    @Order(3)
    void debeziumKilledAndRestartedWhileOrdersKeepComingLosesNothingAndDuplicatesNothing() throws Exception {
        UUID user = http.user("cy-" + UUID.randomUUID() + "@example.com", new BigDecimal("100000.00"));
        int total = 60;
        // Filled by the ordering thread while this one reads its size.
        List<String> placed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ordering = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                placed.add(http.order(user, new BigDecimal("1.00")).get("id").asText());
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> placed.size() >= total / 3);
        relay.kill();
        Thread.sleep(1000);
        startRelay();
        ordering.get(120, TimeUnit.SECONDS);

        JsonNode letters = awaitLetters(user, total);
        assertThat(letters.size(), is(total));
        Set<String> letterOrders = new java.util.HashSet<>();
        letters.forEach(letter -> letterOrders.add(letter.get("orderId").asText()));
        assertThat(letterOrders, is(Set.copyOf(placed)));
    }

    @Test
    @Order(4)
    void commitToLetterLatencyOfAHundredOrders() throws Exception {
        UUID user = http.user("di-" + UUID.randomUUID() + "@example.com", new BigDecimal("100000.00"));
        int total = 100;
        Map<String, Instant> committed = new HashMap<>();
        for (int i = 0; i < total; i++) {
            JsonNode order = http.order(user, new BigDecimal("2.00"));
            committed.put(order.get("id").asText(), Instant.parse(order.get("updatedAt").asText()));
        }
        JsonNode letters = awaitLetters(user, total);
        List<Long> millis = new ArrayList<>();
        for (JsonNode letter : letters) {
            Instant written = Instant.parse(letter.get("createdAt").asText());
            millis.add(Duration.between(committed.get(letter.get("orderId").asText()), written).toMillis());
        }
        millis.sort(Long::compare);
        String report = "commit-to-letter latency of " + total + " orders: p50 " + millis.get(total / 2)
                + " ms, p95 " + millis.get(total * 95 / 100) + " ms, max " + millis.getLast() + " ms";
        System.out.println(report);
        Files.writeString(Path.of("target", "pipeline-latency.txt"), report + "\n");
        assertThat(millis, hasSize(total));
    }

    @Test
    @Order(5)
    void oneTraceFollowsAnOrderThroughAllFourServicesAndTheEvent() throws Exception {
        UUID user = http.user("ed-" + UUID.randomUUID() + "@example.com", new BigDecimal("50.00"));
        String traceId = UUID.randomUUID().toString().replace("-", "");
        TestHttp.Reply placed = http.tracedOrder(user, new BigDecimal("5.00"),
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(placed.toString(), placed.status(), is(201));
        assertThat(placed.headers().map().toString(), placed.header("traceresponse").orElse(""),
                startsWith("00-" + traceId + "-"));
        String order = placed.json().get("id").asText();
        awaitLetters(user, 1);

        // The relay carried the trace from the outbox row into a Kafka header...
        String header = header(records(Set.of(order)).get(order), "traceparent");
        assertThat(header, header.matches("\"00-" + traceId + "-[0-9a-f]{16}-01\""), is(true));
        // ...and each service wrote its part of the order under that trace id: orders and users (the
        // user lookup) and billing (the withdrawal) their access lines, notifications the letter.
        for (String service : List.of("orders", "users", "billing", "notifications")) {
            Path log = SERVICES.get(service).log();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains("[" + traceId + "]"));
        }
        assertThat(Files.readAllLines(SERVICES.get("notifications").log()), hasItem(allOf(
                containsString("[" + traceId + "]"), containsString("ORDER_PAID letter about order " + order))));
    }

    @Test
    @Order(6)
    void theRelaySlotLagAndTheSettlementToLetterLagAreMetrics() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            double lag = http.metric("orders", "outbox_relay_slot_lag_bytes");
            return !Double.isNaN(lag) && lag >= 0 && lag < 64 * 1024 * 1024;
        });
        assertThat("every letter so far was timed", http.metric("notifications_letter_lag_seconds_count"),
                greaterThanOrEqualTo(100.0));
    }

    private static JsonNode awaitLetters(UUID user, int expected) {
        return http.awaitLetters(user, expected, LETTERS_WITHIN);
    }

    /** The records on the topic for these order ids (keys), read from the start by a fresh group. */
    private static Map<String, ConsumerRecord<String, String>> records(Set<String> orderIds) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < orderIds.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String orderId = JSON.readTree(record.key()).asText();
                    if (orderIds.contains(orderId)) {
                        found.putIfAbsent(orderId, record);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(found.keySet(), is(orderIds));
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema orderEventSchema() throws IOException {
        Path asyncApi = Repository.root().resolve("openapi/asyncapi.yaml");
        JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile()).at("/components/schemas/OrderEvent");
        assertThat("components.schemas.OrderEvent missing in " + asyncApi, schema.isObject(), is(true));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
