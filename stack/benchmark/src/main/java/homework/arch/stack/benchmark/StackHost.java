package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Postgres;

/**
 * The JVM that runs the stack for the benchmark, as {@code stack/run}'s launcher does: the launcher
 * and the ingress, and nothing of the benchmark's own, so that its memory and CPU time are the
 * stack's. {@link HostedStack} starts it with {@code --data DIR --style S}; it starts the stack on free
 * ports, writes what the benchmark needs to reach it into {@link #FILE} in the data folder, and
 * stops the stack when its standard input ends (the benchmark closed it, or ended).
 */
public final class StackHost {

    /** The file in the data folder that says the stack is up, and where its parts are. */
    static final String FILE = "benchmark-host.properties";

    private StackHost() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals("--data") || !args[2].equals("--style")) {
            System.err.println("usage: StackHost --data DIR --style STYLE");
            System.exit(2);
        }
        Path data = Path.of(args[1]);
        Stack stack = start(data, StackStyle.parse(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
        Path file = data.resolve(FILE);
        Path partial = data.resolve(FILE + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            describe(stack).store(out, "the stack of a benchmark run (StackHost)");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        while (System.in.read() >= 0) {
            // nothing is read from the benchmark: its end is the signal
        }
        stack.close();
        System.exit(0);
    }

    /** What {@link HostedStack#start} reads back of {@code stack}: its ports, its superuser's password, its replicas. */
    static Properties describe(Stack stack) {
        Map<String, HostedStack.Replica> replicas = new LinkedHashMap<>();
        stack.replicas().forEach((name, process) -> replicas.put(name, new HostedStack.Replica(process.pid(), process.port())));
        return describe(stack.layout().ports(), stack.databaseLogin(Postgres.SUPERUSER).password(), replicas);
    }

    /** {@code ports}, the superuser's password and each replica's pid and port (in start order), as properties. */
    static Properties describe(StackPorts ports, String superuserPassword, Map<String, HostedStack.Replica> replicas) {
        Properties properties = new Properties();
        properties.setProperty("ports", IntStream.of(ports.ingress(), ports.users(), ports.billing(), ports.orders(),
                ports.notifications(), ports.debezium(), ports.debeziumMetrics(), ports.postgres())
                .mapToObj(String::valueOf).collect(Collectors.joining(",")));
        properties.setProperty("kafka", ports.kafkaNodes().stream()
                .map(node -> node.id() + ":" + node.port() + ":" + node.controllerPort()).collect(Collectors.joining(",")));
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("replicas", replicas.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().pid() + ":" + e.getValue().port()).collect(Collectors.joining(",")));
        return properties;
    }

    /**
     * Starts the stack on ports that were free a moment ago; if another program took one of them in
     * between (a busy build machine), starts again on other ports, from a fresh data folder.
     */
    private static Stack start(Path data, StackStyle style) {
        for (int attempt = 1; ; attempt++) {
            Folders.delete(data);
            Stack stack = Stack.on(new StackLayout(data, StackPorts.free()).withStyle(style));
            try {
                return stack.start(step -> System.out.println("starting " + step));
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.println("the stack did not start (" + e.getMessage().lines().findFirst().orElse("")
                        + "); trying again on other ports");
            }
        }
    }
}
