package homework.arch.stack;

import java.nio.file.Path;

/**
 * Where the stack keeps its state (one data folder), the ports it listens on, and how many
 * processes each service runs.
 */
public record StackLayout(Path dataDirectory, StackPorts ports, int replicas) {

    public StackLayout {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
    }

    /** One process per service. */
    public StackLayout(Path dataDirectory, StackPorts ports) {
        this(dataDirectory, ports, 1);
    }

    public StackLayout withReplicas(int count) {
        return new StackLayout(dataDirectory, ports, count);
    }

    public Path postgresData() {
        return dataDirectory.resolve("postgres");
    }

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
