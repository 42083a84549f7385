package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.DatabaseLogin;
import homework.arch.stack.fixtures.Jdk;
import homework.arch.stack.fixtures.Kafka;
import homework.arch.stack.fixtures.Postgres;

/**
 * The stack of a benchmark run, in a JVM of its own ({@link StackHost}): the launcher and the ingress
 * run there, as in {@code stack/run}, and the benchmark's own work (its bookkeeping of every order
 * and letter, the sampling of memory and CPU) stays in this JVM, out of the stack's measures. The
 * host runs with this JVM's heap and GC options ({@code -X...}: {@code stack/benchmark/run} gives this
 * JVM the launcher's, {@code LAUNCHER_JVM_OPTIONS} of {@code stack/lib/jdk.sh}).
 */
final class HostedStack implements AutoCloseable {

    /** A service process of the stack: its pid and its port. */
    record Replica(long pid, int port) {
    }

    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);

    private final Process host;
    private final StackLayout layout;
    private final String superuserPassword;
    private final Map<String, Replica> replicas;

    private HostedStack(Process host, StackLayout layout, String superuserPassword, Map<String, Replica> replicas) {
        this.host = host;
        this.layout = layout;
        this.superuserPassword = superuserPassword;
        this.replicas = replicas;
    }

    /** Starts the host on a fresh {@code data} folder and waits until its stack is up. */
    static HostedStack start(Path data, StackStyle style) {
        List<String> command = Jdk.command();
        command.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StackHost.class.getName(),
                "--data", data.toString(), "--style", style.configName()));
        Path file = data.resolve(StackHost.FILE);
        Process host;
        try {
            Files.deleteIfExists(file);
            host = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(file)) {
            if (!host.isAlive()) {
                throw new IllegalStateException("the stack's JVM ended with " + host.exitValue() + " before the stack was up");
            }
            if (System.nanoTime() > deadline) {
                stop(host);
                throw new IllegalStateException("the stack was not up within " + START_LIMIT.toMinutes() + " minutes");
            }
            try {
                host.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(host);
                throw new IllegalStateException("Interrupted while the stack started", e);
            }
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            stop(host);
            throw new UncheckedIOException(e);
        }
        return new HostedStack(host, new StackLayout(data, ports(properties)).withStyle(style),
                properties.getProperty("superuser.password"), replicas(properties));
    }

    /** The heap and GC options ({@code -X...}) of {@code arguments}, this JVM's, for the host. */
    static List<String> jvmOptions(List<String> arguments) {
        return arguments.stream().filter(argument -> argument.startsWith("-X")).toList();
    }

    /** The ports that {@link StackHost#describe} wrote. */
    static StackPorts ports(Properties properties) {
        int[] p = Arrays.stream(properties.getProperty("ports").split(",")).mapToInt(Integer::parseInt).toArray();
        List<Kafka.Node> nodes = Arrays.stream(properties.getProperty("kafka").split(",")).map(node -> node.split(":"))
                .map(n -> new Kafka.Node(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]))).toList();
        return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], nodes);
    }

    /** The replicas that {@link StackHost#describe} wrote, in start order. */
    static Map<String, Replica> replicas(Properties properties) {
        String text = properties.getProperty("replicas");
        Map<String, Replica> replicas = new LinkedHashMap<>();
        for (String replica : text.isEmpty() ? new String[0] : text.split(",")) {
            String[] parts = replica.split(":");
            replicas.put(parts[0], new Replica(Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        }
        return replicas;
    }

    URI ingressUri() {
        return URI.create("http://127.0.0.1:" + layout.ports().ingress());
    }

    /** How the benchmark logs in to the stack's PostgreSQL: as its superuser. */
    DatabaseLogin superuser() {
        return new DatabaseLogin(layout.ports().postgres(), Postgres.SUPERUSER, superuserPassword);
    }

    StackLayout layout() {
        return layout;
    }

    /** Every service process by replica name ({@code orders}, or {@code orders-1}, ...), in start order. */
    Map<String, Replica> replicas() {
        return replicas;
    }

    /** The host JVM: the launcher and the ingress. */
    ProcessHandle host() {
        return host.toHandle();
    }

    /** Stops the stack: the host stops it when its input ends; whatever is left after {@link #STOP_LIMIT} is killed. */
    @Override
    public void close() {
        stop(host);
    }

    private static void stop(Process host) {
        List<ProcessHandle> descendants = host.descendants().toList();
        try {
            host.getOutputStream().close();
        } catch (IOException e) {
            // the host has ended: its descendants are handled below
        }
        try {
            host.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Stream.concat(descendants.stream(), Stream.of(host.toHandle())).filter(ProcessHandle::isAlive)
                .forEach(ProcessHandle::destroyForcibly);
    }
}
