package homework.arch.stack;

import java.nio.file.Path;
import java.util.List;

import homework.arch.stack.fixtures.Kafka;

/**
 * Where the stack keeps its state (one data folder), the ports it listens on, how many processes
 * each service runs, the interaction style they run in, and how many Kafka nodes run.
 */
public record StackLayout(Path dataDirectory, StackPorts ports, Replicas replicas, StackStyle style, int kafkaBrokers) {

    public StackLayout {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        // Two nodes would need both for every write (a majority of two), so one dying stops writes
        // as with one; more than three buy nothing on one machine.
        if (kafkaBrokers != 1 && kafkaBrokers != StackPorts.KAFKA_NODES) {
            throw new IllegalArgumentException("Kafka runs 1 or " + StackPorts.KAFKA_NODES + " brokers, not " + kafkaBrokers);
        }
        if (kafkaBrokers > 1 && !style.broker()) {
            throw new IllegalArgumentException("style " + style + " runs no Kafka, so no " + kafkaBrokers + " brokers");
        }
    }

    /** One Kafka node. */
    public StackLayout(Path dataDirectory, StackPorts ports, Replicas replicas, StackStyle style) {
        this(dataDirectory, ports, replicas, style, 1);
    }

    /** Style 2. */
    public StackLayout(Path dataDirectory, StackPorts ports, Replicas replicas) {
        this(dataDirectory, ports, replicas, StackStyle.HTTP_BROKER);
    }

    /** One process per service, style 2. */
    public StackLayout(Path dataDirectory, StackPorts ports) {
        this(dataDirectory, ports, Replicas.ONE);
    }

    public StackLayout withReplicas(Replicas count) {
        return new StackLayout(dataDirectory, ports, count, style, kafkaBrokers);
    }

    public StackLayout withStyle(StackStyle chosen) {
        return new StackLayout(dataDirectory, ports, replicas, chosen, kafkaBrokers);
    }

    public StackLayout withKafkaBrokers(int count) {
        return new StackLayout(dataDirectory, ports, replicas, style, count);
    }

    /** The Kafka nodes that run, on the first {@link #kafkaBrokers()} node ports. */
    public List<Kafka.Node> kafkaNodes() {
        return ports.kafkaNodes().subList(0, kafkaBrokers);
    }

    public Path postgresData() {
        return dataDirectory.resolve("postgres");
    }

    /** The only Kafka node's data, or node n's in {@code node-n} under it. */
    public Path kafkaData() {
        return dataDirectory.resolve("kafka");
    }

    public Path debeziumData() {
        return dataDirectory.resolve("debezium");
    }

    public Path logs() {
        return dataDirectory.resolve("logs");
    }

    public Path secretsFile() {
        return dataDirectory.resolve("secrets.properties");
    }

    /** Written when everything is up (it holds the status table), removed on stop. */
    public Path readyFile() {
        return dataDirectory.resolve("ready");
    }
}
