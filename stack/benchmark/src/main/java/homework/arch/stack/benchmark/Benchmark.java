package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import homework.arch.stack.Stack;
import homework.arch.stack.StackLayout;
import homework.arch.stack.StackPorts;
import homework.arch.stack.fixtures.Repository;

/**
 * One benchmark run: {@code java -jar stack/benchmark/target/stack-benchmark.jar [options]} (see
 * {@link Settings#parse}); {@code stack/benchmark/run} builds first. Starts the local stack on free
 * ports with a fresh data folder, seeds users, warms the JVMs up for as long as the ramp at low
 * rates, ramps the order rate to find saturation, holds half of it (or {@code --fixed-rate}), reads
 * every order and letter back, then measures the database's own limit, and writes {@code summary.md}
 * and the Gatling reports under the output folder.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.parse(args, Repository.root().resolve("stack/benchmark/target/benchmark"));
        Path summary = run(settings);
        System.out.println("Summary: " + summary);
    }

    /** Runs it all and returns the summary file. */
    public static Path run(Settings settings) {
        Machine machine = Machine.now();
        Path out = settings.out().toAbsolutePath();
        deleteRecursively(out);
        Path logs = out.resolve("logs");
        create(logs);
        long started = System.nanoTime();
        Stack stack = start(out.resolve("stack-data"));
        double ready = (System.nanoTime() - started) / 1e9;
        StackLayout layout = stack.layout();
        Thread stopper = new Thread(stack::close, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (stack) {
            System.out.printf("stack ready in %.1f s at %s%n", ready, stack.ingressUri());

            Population population = Seeding.seed(stack.ingressUri(), settings.users());
            Path usersFile = out.resolve("users.csv");
            population.write(usersFile);

            // JIT warm-up of seven JVMs on shared cores: not measured, its orders fall outside every window.
            int warmupSeconds = settings.rampSeconds();
            Path warmupLog = logs.resolve("gatling-warmup.log");
            GatlingRun.run(stack.ingressUri(), usersFile, new GatlingRun.Load("warmup", settings.rampFrom(),
                    settings.rampFrom() * 3, warmupSeconds), out.resolve("gatling"), warmupLog);
            settle(Duration.ofSeconds(5));

            Summary result;
            try (Memory memory = new Memory(stack)) {
                Instant rampStart = Instant.now();
                Path rampLog = logs.resolve("gatling-ramp.log");
                GatlingStats ramp = GatlingStats.read(GatlingRun.run(stack.ingressUri(), usersFile,
                        new GatlingRun.Load("ramp", settings.rampFrom(), settings.rampTo(), settings.rampSeconds()),
                        out.resolve("gatling"), rampLog), rampLog);
                Instant rampEnd = Instant.now();
                List<OrderLog.Order> afterRamp = OrderLog.read(stack.ingressUri(), population, Duration.ZERO);
                double saturation = Throughput.peak(afterRamp, rampStart, rampEnd);
                double fixedRate = settings.fixedRate() > 0 ? settings.fixedRate() : Math.max(1, Math.floor(saturation / 2));
                System.out.printf("saturation %.0f orders/s; fixed phase at %.0f/s%n", saturation, fixedRate);
                settle(Duration.ofSeconds(5));

                Instant fixedStart = Instant.now();
                Path fixedLog = logs.resolve("gatling-fixed.log");
                GatlingStats fixed = GatlingStats.read(GatlingRun.run(stack.ingressUri(), usersFile,
                        new GatlingRun.Load("fixed", fixedRate, fixedRate, settings.fixedSeconds()),
                        out.resolve("gatling"), fixedLog), fixedLog);
                Instant fixedEnd = Instant.now();
                List<OrderLog.Order> all = OrderLog.read(stack.ingressUri(), population, Duration.ofSeconds(60));
                Map<String, Long> statuses = all.stream().collect(Collectors.groupingBy(OrderLog.Order::status,
                        Collectors.counting()));
                String loadAtEnd = Machine.currentLoad();
                Memory.Peak peak = memory.peak();

                DatabaseLimit.Result limit = DatabaseLimit.measure(layout.ports().postgres(), settings.limitClients(),
                        settings.limitSeconds(), out, logs.resolve("database-limit.log"));
                result = new Summary(machine, loadAtEnd, ready, saturation, ramp, fixedRate, fixed,
                        Lag.of(all, fixedStart, fixedEnd), statuses, peak, limit);
            }
            Path file = out.resolve("summary.md");
            Files.writeString(file, result.markdown());
            System.out.println(result.markdown());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /**
     * Starts the stack on ports that were free a moment ago; if another program took one of them in
     * between (a busy build machine), starts again on other ports, from a fresh data folder.
     */
    private static Stack start(Path data) {
        for (int attempt = 1; ; attempt++) {
            deleteRecursively(data);
            Stack stack = Stack.on(new StackLayout(data, StackPorts.free()));
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

    private static void settle(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
