package homework.arch.stack;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Postgres;

/**
 * The event path of the stack: a Kafka node with the {@code order.events} topic, and Debezium
 * Server relaying orders' outbox to it, both from the shared fixtures. Debezium keeps its offsets
 * in the data folder and its replication slot in PostgreSQL, so a restart resumes where it stopped.
 */
final class Relay {

    static final String TOPIC = "order.events";
    private static final int PARTITIONS = 3;

    private final StackLayout layout;
    private final Secrets secrets;
    private Kafka kafka;
    private DebeziumServer debezium;
    private DebeziumServer.Source source;

    Relay(StackLayout layout, Secrets secrets) {
        this.layout = layout;
        this.secrets = secrets;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Starts Kafka and creates the topic unless it exists; returns how to stop it. */
    Runnable startKafka() {
        StackPorts ports = layout.ports();
        kafka = Kafka.start(layout.kafkaData(), ports.kafka(), ports.kafkaController(), layout.logs());
        Runnable stop = () -> kafka.stop();
        try {
            kafka.createTopic(TOPIC, PARTITIONS);
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        return stop;
    }

    /** Starts Debezium Server; call it after orders, whose migration creates the outbox table and publication. */
    Runnable startDebezium(Postgres postgres) {
        source = new DebeziumServer.Source(postgres, "orders", Stack.RELAY_ROLE,
                secrets.password(Stack.RELAY_ROLE), kafka.bootstrapServers());
        debezium = DebeziumServer.start(source, layout.debeziumData(), layout.ports().debezium(), layout.logs());
        return () -> debezium.stop();
    }

    /** The fault suite's hook: SIGKILL of Kafka or Debezium Server. */
    void kill(String component) {
        if (Stack.KAFKA.equals(component)) {
            kafka.kill();
        } else {
            debezium.kill();
        }
    }

    /** Starts a killed Kafka or Debezium Server again on the same port and data. */
    void restart(String component) {
        if (Stack.KAFKA.equals(component)) {
            StackPorts ports = layout.ports();
            kafka = Kafka.start(layout.kafkaData(), ports.kafka(), ports.kafkaController(), layout.logs());
        } else {
            debezium = DebeziumServer.start(source, layout.debeziumData(), layout.ports().debezium(), layout.logs());
        }
    }
}
