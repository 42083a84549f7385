package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import homework.arch.stack.StackStyle;

/**
 * The operating-system processes of each component of the stack, found from the stack's pids and its
 * JVM's children's command lines. The ingress runs in the stack's JVM with the launcher
 * ({@link HostedStack}); this JVM, the benchmark's bookkeeping, is not a component. Gatling, the load
 * generator, runs in a child JVM of its own and is not a component of the stack either: {@link GatlingRun}
 * measures its CPU time apart, and {@link CpuTime#BENCHMARK} is this JVM's. Kafka and Debezium
 * Server are components only in a style that runs them, one Debezium Server per outbox ({@link #relay}).
 */
final class StackProcesses {

    private final HostedStack stack;

    /** The component that is the stack's own JVM: the launcher and the ingress. */
    static final String INGRESS = "ingress + launcher";
    /** Components of the styles with a broker only. */
    static final String KAFKA = "Kafka";
    static final String DEBEZIUM = "Debezium Server";
    private static final String RELAY_DB_NAME = "RELAY_DB_NAME=";
    private static final Pattern EXPORTER = Pattern.compile("-javaagent:\\S+=127\\.0\\.0\\.1:([0-9]+):");

    StackProcesses(HostedStack stack) {
        this.stack = stack;
    }

    Map<String, List<ProcessHandle>> components() {
        Map<String, List<ProcessHandle>> components = new LinkedHashMap<>();
        postmaster().ifPresent(pg -> components.put("PostgreSQL (all processes)",
                Stream.concat(Stream.of(pg), pg.descendants()).toList()));
        StackStyle style = stack.layout().style();
        if (style.broker()) {
            List<ProcessHandle> children = stack.host().descendants().toList();
            components.put(KAFKA, matching(children, "kafka.Kafka"));
            List<ProcessHandle> relays = matching(children, "debezium");
            for (String database : style.outboxDatabases()) {
                components.put(relay(style, database), style.outboxDatabases().size() == 1 ? relays
                        : relays.stream().filter(p -> relaysFrom(p).filter(database::equals).isPresent()).toList());
            }
        }
        stack.replicas().forEach((name, replica) -> ProcessHandle.of(replica.pid())
                .ifPresent(handle -> components.put(name, List.of(handle))));
        components.put(INGRESS, List.of(stack.host()));
        return components;
    }

    /**
     * The row of the relay of {@code database}'s outbox: {@link #DEBEZIUM} where the style runs one
     * relay (so that runs of style http-broker compare with earlier ones), else named after its database.
     */
    static String relay(StackStyle style, String database) {
        return style.outboxDatabases().size() == 1 ? DEBEZIUM : DEBEZIUM + " (" + database + ")";
    }

    /**
     * The database whose outbox a Debezium Server process relays: its {@code RELAY_DB_NAME}, which the
     * launcher gives each relay ({@code DebeziumServer.start}) and which is all that tells them apart
     * (they run the same command). Empty where {@code /proc} does not show it.
     */
    static Optional<String> relaysFrom(ProcessHandle process) {
        try {
            return databaseIn(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "environ")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code RELAY_DB_NAME} in a process's environment as {@code /proc/<pid>/environ} holds it (NUL-separated). */
    static Optional<String> databaseIn(byte[] environ) {
        return Arrays.stream(new String(environ, StandardCharsets.UTF_8).split("\0"))
                .filter(variable -> variable.startsWith(RELAY_DB_NAME))
                .map(variable -> variable.substring(RELAY_DB_NAME.length())).findFirst();
    }

    /**
     * The metrics port of each relay but orders' by its database, read from its command line: the
     * launcher tells only orders' relay's ({@code StackPorts.debeziumMetrics}) and starts the others'
     * exporters on free ports. Empty in a style with one relay or none.
     */
    Map<String, Integer> otherRelaysMetricsPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (stack.layout().style().outboxDatabases().size() > 1) {
            for (ProcessHandle relay : matching(stack.host().descendants().toList(), "debezium")) {
                Optional<String> database = relaysFrom(relay).filter(d -> !d.equals("orders"));
                Optional<Integer> port = relay.info().commandLine().flatMap(StackProcesses::metricsPortIn);
                if (database.isPresent() && port.isPresent()) {
                    ports.put(database.get(), port.get());
                }
            }
        }
        return ports;
    }

    /** The port of the JMX exporter agent in a relay's command line ({@code -javaagent:<jar>=127.0.0.1:<port>:<config>}). */
    static Optional<Integer> metricsPortIn(String commandLine) {
        Matcher agent = EXPORTER.matcher(commandLine);
        return agent.find() ? Optional.of(Integer.parseInt(agent.group(1))) : Optional.empty();
    }

    /** The process id of every service JVM, by replica name ({@code orders}, or {@code orders-1}, ...). */
    Map<String, Long> services() {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.replicas().forEach((name, replica) -> pids.put(name, replica.pid()));
        return pids;
    }

    private static List<ProcessHandle> matching(List<ProcessHandle> processes, String text) {
        return processes.stream().filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false)
                && !p.info().commandLine().orElse("").contains("io.gatling")).toList();
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = stack.layout().postgresData().resolve("postmaster.pid");
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
