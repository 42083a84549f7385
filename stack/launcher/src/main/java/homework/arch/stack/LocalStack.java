package homework.arch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import homework.arch.stack.fixtures.ClassData;
import homework.arch.stack.fixtures.Repository;

/**
 * Runs the whole system locally until Ctrl-C:
 * {@code java -jar stack/launcher/target/stack.jar [--data DIR] [--ingress-port N] [--free-ports] [--replicas N|service=N,...]
 * [--style http-only|http-broker|event-collaboration] [--kafka-brokers 1|3]}.
 * The default data folder is {@code .local-stack/} in the checkout (ignored by git).
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        StackLayout layout;
        try {
            layout = parse(args);
            Prerequisites.check();
            layout.ports().requireFree(layout.kafkaBrokers());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Stack stack = Stack.on(layout);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(layout.style().broker() ? "stopping: ingress, Debezium Server, services, Kafka, PostgreSQL"
                    : "stopping: ingress, services, PostgreSQL");
            deleteReadyFile(layout);
            stack.close();
            System.out.println("stopped");
            stopped.countDown();
        }, "stop-stack"));
        try {
            deleteReadyFile(layout);
            stack.start(step -> System.out.printf(Locale.ROOT, "[%5.1f s] starting %s%n", (System.nanoTime() - started) / 1e9, step));
        } catch (RuntimeException e) {
            System.err.println("error: the stack did not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        String table = StatusTable.render(stack, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(table);
        writeReadyFile(layout, table);
        writeClassDataArchives(stack.classData());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Turns the class lists this start recorded into class-data archives, one JVM after another at
     * the lowest CPU priority while the stack runs, so that the next start maps them (about 40 s
     * instead of 65 s on 2 cores, docs/performance.md). Nothing to do once they are current.
     */
    private static void writeClassDataArchives(List<ClassData> components) {
        List<ClassData> missing = components.stream().filter(ClassData::dumpNeeded).toList();
        if (missing.isEmpty()) {
            return;
        }
        System.out.println("Writing class-data archives in the background (lowest CPU priority) for "
                + missing.stream().map(ClassData::name).toList() + ": the next start will be faster.");
        Thread.ofPlatform().daemon().name("class-data").start(() -> {
            for (ClassData component : missing) {
                try {
                    System.out.println("class-data archive of " + component.name()
                            + (component.dump() ? " written" : " not written (the next start records it again)"));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("warning: " + e.getMessage());
                }
            }
        });
    }

    static StackLayout parse(String[] args) {
        Path data = null;
        StackPorts ports = StackPorts.defaults();
        Integer ingressPort = null;
        Replicas replicas = Replicas.ONE;
        StackStyle style = StackStyle.HTTP_BROKER;
        int kafkaBrokers = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--ingress-port" -> ingressPort = Integer.parseInt(value(args, ++i, "--ingress-port"));
                case "--free-ports" -> ports = StackPorts.free();
                case "--replicas" -> replicas = Replicas.parse(value(args, ++i, "--replicas"));
                case "--style" -> style = StackStyle.parse(value(args, ++i, "--style"));
                case "--kafka-brokers" -> kafkaBrokers = number(value(args, ++i, "--kafka-brokers"), "--kafka-brokers");
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--data DIR] [--ingress-port N] [--free-ports] [--replicas N|service=N,...]"
                        + " [--style http-only|http-broker|event-collaboration] [--kafka-brokers 1|3]");
            }
        }
        if (ingressPort != null) {
            ports = ports.withIngress(ingressPort);
        }
        return new StackLayout(data != null ? data : Repository.root().resolve(".local-stack"), ports, replicas, style,
                kafkaBrokers);
    }

    private static int number(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not " + value);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static void writeReadyFile(StackLayout layout, String table) {
        try {
            Files.writeString(layout.readyFile(), table);
        } catch (IOException e) {
            System.err.println("warning: could not write " + layout.readyFile() + ": " + e.getMessage());
        }
    }

    private static void deleteReadyFile(StackLayout layout) {
        try {
            Files.deleteIfExists(layout.readyFile());
        } catch (IOException e) {
            System.err.println("warning: could not delete " + layout.readyFile() + ": " + e.getMessage());
        }
    }
}
