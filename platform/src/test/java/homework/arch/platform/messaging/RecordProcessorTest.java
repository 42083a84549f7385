package homework.arch.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.transaction.xa.XAException;

import io.helidon.microprofile.metrics.RegistryFactory;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.metrics.MetricFilter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * When a record is parked, and when it is not. The handler and the parking table are stand-ins that
 * fail on demand: what is under test is the decision, against failures as Hibernate and the pool
 * raise them (the real ones run in notifications' OrderEventConsumerTest and the fault suite).
 */
class RecordProcessorTest {

    private static final int MAX_ATTEMPTS = 3;

    private final List<String> parked = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();
    private int handled;
    private int batches;

    private final MetricRegistry registry = RegistryFactory.getInstance().getRegistry(MetricRegistry.APPLICATION_SCOPE);
    private final RecordProcessor<String> processor = new RecordProcessor<>(new EventSubscription<>() {
        @Override
        public String name() {
            return "test-events";
        }

        @Override
        public String topic() {
            return "order.events";
        }

        @Override
        public String metricPrefix() {
            return "test";
        }

        /** The order id; OrderCreated is not this consumer's. */
        @Override
        public Optional<String> read(EventRecord record) throws PoisonRecordException {
            if (record.eventType().equals("OrderCreated")) {
                return Optional.empty();
            }
            return Optional.of(record.payload(Payload.class, "an order event").orderId().toString());
        }

        @Override
        public List<Boolean> handleAll(List<String> events) {
            batches++;
            return events.stream().map(this::handle).toList();
        }

        @Override
        public boolean handle(String event) {
            if (!failures.isEmpty()) {
                throw RecordProcessorTest.<RuntimeException>sneaky(failures.removeFirst());
            }
            handled++;
            return true;
        }
    }, (record, reason) -> parked.add(reason), new ConsumerMetrics(registry, "test"), MAX_ATTEMPTS);

    record Payload(UUID orderId) {
    }

    @Test
    void anEventNeverParksWhileTheDatabaseIsAwayHoweverLongThatIs() {
        ConsumerRecord<String, String> record = record();
        for (int i = 0; i < MAX_ATTEMPTS * 4; i++) {
            failures.add(i % 2 == 0
                    ? new PersistenceException(new SQLTransientConnectionException("Connection is not available"))
                    : new PersistenceException(new SQLException("the database system is starting up", "57P03")));
        }
        for (int i = 0; i < MAX_ATTEMPTS * 4; i++) {
            assertThat("to be retried, attempt " + i, processor.process(record), is(false));
        }
        assertThat("handled once the database is back", processor.process(record), is(true));
        assertThat(handled, is(1));
        assertThat(parked, is(empty()));
    }

    @Test
    void anEventThatFailsForAReasonOfItsOwnIsParkedAfterTheLastAttempt() {
        ConsumerRecord<String, String> record = record();
        long parkedBefore = count("test.events.parked");
        long retriesBefore = count("test.events.retries");
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            failures.add(new PersistenceException(new SQLException("value too long", "22001")));
        }
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            assertThat("attempt " + i + " is retried", processor.process(record), is(false));
        }
        assertThat("parked at attempt " + MAX_ATTEMPTS, processor.process(record), is(true));
        assertThat(parked, hasSize(1));
        assertThat(parked.getFirst(), anyOf(containsString("22001"), containsString("value too long")));
        assertThat(handled, is(0));
        assertThat(count("test.events.parked") - parkedBefore, is(1L));
        assertThat(count("test.events.retries") - retriesBefore, is((long) MAX_ATTEMPTS));
    }

    @Test
    void anOutageBetweenTwoOwnFailuresDoesNotCountTowardsParking() {
        ConsumerRecord<String, String> record = record();
        failures.add(new IllegalStateException("own failure"));
        failures.add(new PersistenceException(new SQLException("I/O error", "08006")));
        failures.add(new PersistenceException(new SQLException("I/O error", "08006")));
        failures.add(new IllegalStateException("own failure"));
        for (int i = 0; i < 4; i++) {
            assertThat(processor.process(record), is(false));
        }
        assertThat(processor.process(record), is(true));
        assertThat(handled, is(1));
        assertThat(parked, is(empty()));
    }

    @Test
    void aCommitCutOffByACrashIsRetriedNotThrown() {
        // What the @Transactional proxy threw when PostgreSQL was killed during the commit: the
        // checked RollbackException, undeclared. It once escaped and ended the consumer thread.
        ConsumerRecord<String, String> record = record();
        for (int i = 0; i < MAX_ATTEMPTS * 2; i++) {
            RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
            XAException resource = new XAException(XAException.XAER_RMFAIL);
            resource.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            commitFailed.addSuppressed(resource);
            failures.add(commitFailed);
        }
        for (int i = 0; i < MAX_ATTEMPTS * 2; i++) {
            assertThat("to be retried, attempt " + i, processor.process(record), is(false));
        }
        assertThat(processor.process(record), is(true));
        assertThat(handled, is(1));
        assertThat(parked, is(empty()));
    }

    @Test
    void aBatchIsHandledInOneCall() {
        assertThat(processor.processAll(List.of(record(), record(), record())), is(true));
        assertThat(batches, is(1));
        assertThat(handled, is(3));
    }

    @Test
    void aBatchWithARecordThatDoesNotParseIsLeftToTheOneByOnePathUntouched() {
        ConsumerRecord<String, String> poison = new ConsumerRecord<>("order.events", 0, 8, "k", "{not json");
        assertThat(processor.processAll(List.of(record(), poison)), is(false));
        assertThat("nothing handled before every record parsed", batches, is(0));
        assertThat("parking is the one-by-one path's decision", parked, is(empty()));
        assertThat(processor.process(poison), is(true));
        assertThat(parked, hasSize(1));
    }

    @Test
    void aFailedBatchIsNeitherParkedNorCountedAsAnAttempt() {
        ConsumerRecord<String, String> record = record();
        failures.add(new PersistenceException(new SQLException("value too long", "22001")));
        assertThat(processor.processAll(List.of(record, record())), is(false));
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            failures.add(new PersistenceException(new SQLException("value too long", "22001")));
            assertThat("attempt " + i + " on its own is retried", processor.process(record), is(false));
        }
        assertThat("the failed batch did not count towards parking", parked, is(empty()));
        assertThat(processor.process(record), is(true));
        assertThat(handled, is(1));
    }

    @Test
    void aRecordOfAnotherTypeIsSkippedNotParkedNorHandled() {
        ConsumerRecord<String, String> created = record();
        created.headers().add("eventType", "\"OrderCreated\"".getBytes(StandardCharsets.UTF_8));
        assertThat(processor.process(created), is(true));
        assertThat(processor.processAll(List.of(created, created)), is(true));
        assertThat(batches, is(0));
        assertThat(handled, is(0));
        assertThat(parked, is(empty()));
    }

    /** The registry is the JVM's: leave it as found for the next test class's service. */
    @AfterAll
    static void removeTheMetrics() {
        RegistryFactory.getInstance().getRegistry(MetricRegistry.APPLICATION_SCOPE).removeMatching(MetricFilter.ALL);
    }

    private long count(String counter) {
        return registry.counter(counter).getCount();
    }

    /** Throws a checked exception where none is declared, as a CDI interceptor does. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable failure) throws T {
        throw (T) failure;
    }

    private static ConsumerRecord<String, String> record() {
        UUID order = UUID.randomUUID();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("order.events", 0, 7, order.toString(),
                "{\"orderId\":\"" + order + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"email\":\"ann@example.com\","
                        + "\"price\":10,\"status\":\"PAID\",\"occurredAt\":\"2025-11-23T21:05:07.123Z\"}");
        record.headers().add("id", ("\"" + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", "\"OrderPaid\"".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
