package homework.arch.stack;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Postgres;

/**
 * The event path of the stack: Kafka (one node, or three with every partition on all of them) with
 * the {@code order.events} topic, and Debezium Server relaying orders' outbox to it, both from the
 * shared fixtures. Debezium keeps its offsets
 * in the data folder and its replication slot in PostgreSQL, so a restart resumes where it stopped.
 *
 * <p>Debezium Server exits when its connector fails for good (PostgreSQL gone longer than its retries,
 * Kafka gone over 10 minutes); in Kubernetes the pod is restarted. Here a supervisor does the same:
 * it checks every {@link #SUPERVISION_PERIOD} and starts an exited Debezium Server again, with a
 * growing pause while starting fails. A kill through {@link #kill} is left to {@link #restart}.
 */
final class Relay {

    static final String TOPIC = "order.events";
    static final int PARTITIONS = 3;
    private static final Duration SUPERVISION_PERIOD = Duration.ofSeconds(2);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final StackLayout layout;
    private final Secrets secrets;
    private Kafka kafka;
    private DebeziumServer debezium;
    private DebeziumServer.Source source;
    private ScheduledExecutorService supervisor;
    private boolean killedOnPurpose;
    private long nextAttemptNanos;
    private Duration pause = SUPERVISION_PERIOD;

    Relay(StackLayout layout, Secrets secrets) {
        this.layout = layout;
        this.secrets = secrets;
    }

    /** Starts Kafka and creates the topic unless it exists; returns how to stop it. */
    Runnable startKafka() {
        kafka = Kafka.start(layout.kafkaData(), layout.kafkaNodes(), layout.logs());
        Runnable stop = () -> kafka.stop();
        try {
            kafka.createTopic(TOPIC, PARTITIONS);
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        return stop;
    }

    /**
     * Starts Debezium Server and its supervisor on the replication slot made with orders' database
     * ({@link DebeziumServer#prepareDatabase}). The returned stop ends the supervisor first.
     */
    Runnable startDebezium(Postgres postgres) {
        source = new DebeziumServer.Source(postgres, "orders", Stack.RELAY_ROLE,
                secrets.password(Stack.RELAY_ROLE), kafka.bootstrapServers());
        debezium = DebeziumServer.start(source, layout.debeziumData(), layout.ports().debezium(),
                layout.ports().debeziumMetrics(), layout.logs());
        supervisor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("relay-supervisor").factory());
        supervisor.scheduleWithFixedDelay(this::supervise, SUPERVISION_PERIOD.toMillis(), SUPERVISION_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> {
            supervisor.shutdownNow();
            synchronized (this) {
                debezium.stop();
            }
        };
    }

    /** {@code kafka} (every node) or one node, {@code kafka-1} to {@code kafka-3}. */
    static boolean isKafka(String component) {
        return Stack.KAFKA.equals(component) || component.matches(Stack.KAFKA + "-\\d+");
    }

    Kafka kafka() {
        return kafka;
    }

    /** The fault suite's hook: SIGKILL of every Kafka node, one of them, or Debezium Server. */
    synchronized void kill(String component) {
        if (Stack.KAFKA.equals(component)) {
            kafka.kill();
        } else if (isKafka(component)) {
            kafka.kill(node(component));
        } else {
            killedOnPurpose = true;
            debezium.kill();
        }
    }

    /** Starts killed Kafka nodes, one of them, or Debezium Server again on the same ports and data. */
    synchronized void restart(String component) {
        if (Stack.KAFKA.equals(component)) {
            kafka.restart();
        } else if (isKafka(component)) {
            kafka.restart(node(component));
        } else {
            debezium = DebeziumServer.start(source, layout.debeziumData(), layout.ports().debezium(),
                    layout.ports().debeziumMetrics(), layout.logs());
            killedOnPurpose = false;
        }
    }

    private static int node(String component) {
        return Integer.parseInt(component.substring(Stack.KAFKA.length() + 1));
    }

    private synchronized void supervise() {
        if (killedOnPurpose || debezium.process().isAlive() || System.nanoTime() < nextAttemptNanos) {
            return;
        }
        System.err.println("stack: Debezium Server exited (see " + layout.logs().resolve("debezium-server.log")
                + "); starting it again");
        try {
            debezium = DebeziumServer.start(source, layout.debeziumData(), layout.ports().debezium(),
                    layout.ports().debeziumMetrics(), layout.logs());
            pause = SUPERVISION_PERIOD;
            System.err.println("stack: Debezium Server runs again");
        } catch (RuntimeException e) {
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            nextAttemptNanos = System.nanoTime() + pause.toNanos();
            System.err.println("stack: Debezium Server did not start (" + e.getMessage().lines().findFirst().orElse("")
                    + "); next attempt in " + pause.toSeconds() + " s");
        }
    }
}
