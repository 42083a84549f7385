package homework.arch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;

/**
 * The event path of the stack: Kafka (one node, or three with every partition on all of them) with
 * the style's topics, and a Debezium Server per outbox relaying it to them
 * ({@link StackStyle#outboxDatabases()}: orders' in style 2; users', billing's and orders' in style
 * 3), all from the shared fixtures. Each Debezium Server keeps its offsets in the data folder and its
 * replication slot in PostgreSQL, so a restart resumes where it stopped.
 *
 * <p>Debezium Server exits when its connector fails for good (PostgreSQL gone longer than its retries,
 * Kafka gone over 10 minutes); in Kubernetes the pod is restarted. Here a supervisor does the same:
 * it checks every {@link #SUPERVISION_PERIOD} and starts an exited Debezium Server again, with a
 * growing pause while starting fails. A kill through {@link #kill} is left to {@link #restart}.
 */
final class Relay {

    static final int PARTITIONS = 3;
    private static final Duration SUPERVISION_PERIOD = Duration.ofSeconds(2);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    /** One relay: its source, where it listens, and the running server. */
    private static final class Outbox {
        final DebeziumServer.Source source;
        final Path home;
        final int httpPort;
        final int metricsPort;
        DebeziumServer server;
        boolean killedOnPurpose;
        long nextAttemptNanos;
        Duration pause = SUPERVISION_PERIOD;

        Outbox(DebeziumServer.Source source, Path home, int httpPort, int metricsPort) {
            this.source = source;
            this.home = home;
            this.httpPort = httpPort;
            this.metricsPort = metricsPort;
        }
    }

    private final StackLayout layout;
    private final Secrets secrets;
    private Kafka kafka;
    /** By component name: {@code debezium} (orders' relay), {@code debezium-users}, {@code debezium-billing}. */
    private final Map<String, Outbox> outboxes = new LinkedHashMap<>();
    private ScheduledExecutorService supervisor;

    Relay(StackLayout layout, Secrets secrets) {
        this.layout = layout;
        this.secrets = secrets;
    }

    /** The component name of the relay of {@code database}'s outbox, as {@link Stack#kill} takes it. */
    static String component(String database) {
        return database.equals("orders") ? Stack.DEBEZIUM : Stack.DEBEZIUM + "-" + database;
    }

    /** Starts Kafka and creates the style's topics unless they exist; returns how to stop it. */
    Runnable startKafka() {
        kafka = Kafka.start(layout.kafkaData(), layout.kafkaNodes(), layout.logs());
        Runnable stop = () -> kafka.stop();
        try {
            layout.style().topics().forEach(topic -> kafka.createTopic(topic, PARTITIONS));
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        return stop;
    }

    /**
     * Starts a Debezium Server per outbox database, each on the replication slot made with its
     * database ({@link DebeziumServer#prepareDatabase}), and the supervisor. Orders' relay listens on
     * the stack's Debezium ports, the others on free ones. The returned stop ends the supervisor first.
     */
    Runnable startDebezium(Postgres postgres) {
        for (String database : layout.style().outboxDatabases()) {
            boolean orders = database.equals("orders");
            Outbox outbox = new Outbox(new DebeziumServer.Source(postgres, database, Stack.RELAY_ROLE,
                    secrets.password(Stack.RELAY_ROLE), kafka.bootstrapServers()),
                    orders ? layout.debeziumData() : layout.dataDirectory().resolve("debezium-" + database),
                    orders ? layout.ports().debezium() : Ports.free(), orders ? layout.ports().debeziumMetrics() : Ports.free());
            outboxes.put(component(database), outbox);
        }
        outboxes.values().parallelStream().forEach(this::start);
        supervisor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("relay-supervisor").factory());
        supervisor.scheduleWithFixedDelay(this::supervise, SUPERVISION_PERIOD.toMillis(), SUPERVISION_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> {
            supervisor.shutdownNow();
            synchronized (this) {
                outboxes.values().forEach(outbox -> outbox.server.stop());
            }
        };
    }

    private void start(Outbox outbox) {
        outbox.server = DebeziumServer.start(outbox.source, outbox.home, outbox.httpPort, outbox.metricsPort, layout.logs());
    }

    /** The relays' health addresses by component name, for the status table. */
    Map<String, Integer> healthPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        outboxes.forEach((name, outbox) -> ports.put(name, outbox.httpPort));
        return ports;
    }


    /** {@code kafka} (every node) or one node, {@code kafka-1} to {@code kafka-3}. */
    static boolean isKafka(String component) {
        return Stack.KAFKA.equals(component) || component.matches(Stack.KAFKA + "-\\d+");
    }

    Kafka kafka() {
        return kafka;
    }

    /** The fault suite's hook: SIGKILL of every Kafka node, one of them, or one Debezium Server ({@link #component}). */
    synchronized void kill(String component) {
        if (Stack.KAFKA.equals(component)) {
            kafka.kill();
        } else if (isKafka(component)) {
            kafka.kill(node(component));
        } else {
            Outbox outbox = outbox(component);
            outbox.killedOnPurpose = true;
            outbox.server.kill();
        }
    }

    /** Starts killed Kafka nodes, one of them, or Debezium Server again on the same ports and data. */
    synchronized void restart(String component) {
        if (Stack.KAFKA.equals(component)) {
            kafka.restart();
        } else if (isKafka(component)) {
            kafka.restart(node(component));
        } else {
            Outbox outbox = outbox(component);
            start(outbox);
            outbox.killedOnPurpose = false;
        }
    }

    private Outbox outbox(String component) {
        Outbox outbox = outboxes.get(component);
        if (outbox == null) {
            throw new IllegalArgumentException("No relay " + component + " in style " + layout.style() + "; relays: "
                    + outboxes.keySet());
        }
        return outbox;
    }

    private static int node(String component) {
        return Integer.parseInt(component.substring(Stack.KAFKA.length() + 1));
    }

    private synchronized void supervise() {
        outboxes.forEach(this::supervise);
    }

    private void supervise(String component, Outbox outbox) {
        if (outbox.killedOnPurpose || outbox.server.process().isAlive() || System.nanoTime() < outbox.nextAttemptNanos) {
            return;
        }
        String log = layout.logs().resolve(DebeziumServer.processName(outbox.source.database()) + ".log").toString();
        System.err.println("stack: " + component + " (Debezium Server) exited (see " + log + "); starting it again");
        try {
            start(outbox);
            outbox.pause = SUPERVISION_PERIOD;
            System.err.println("stack: " + component + " runs again");
        } catch (RuntimeException e) {
            outbox.pause = outbox.pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : outbox.pause.multipliedBy(2);
            outbox.nextAttemptNanos = System.nanoTime() + outbox.pause.toNanos();
            System.err.println("stack: " + component + " did not start (" + e.getMessage().lines().findFirst().orElse("")
                    + "); next attempt in " + outbox.pause.toSeconds() + " s");
        }
    }
}
