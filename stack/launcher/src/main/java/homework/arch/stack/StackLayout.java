package homework.arch.stack;

import java.nio.file.Path;

/**
 * Where the stack keeps its state (one data folder), the ports it listens on, how many processes
 * each service runs, and the interaction style they run in.
 */
public record StackLayout(Path dataDirectory, StackPorts ports, Replicas replicas, StackStyle style) {

    public StackLayout {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
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
        return new StackLayout(dataDirectory, ports, count, style);
    }

    public StackLayout withStyle(StackStyle chosen) {
        return new StackLayout(dataDirectory, ports, replicas, chosen);
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
