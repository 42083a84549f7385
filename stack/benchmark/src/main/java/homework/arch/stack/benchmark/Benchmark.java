package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Repository;

/**
 * One benchmark run: {@code java -jar stack/benchmark/target/stack-benchmark.jar [options]} (see
 * {@link Settings#parse}); {@code stack/benchmark/run} builds first. Starts the local stack in the
 * chosen interaction style on free ports with a fresh data folder, seeds users, warms the JVMs up with a closed-model load and goes on
 * with it for a measured minute (orders per second, CPU time of every process per order, the load
 * generator's included), ramps the order rate to find saturation, holds half of it (or
 * {@code --fixed-rate}) after a lead-in at that rate, reads every order and letter back, profiles
 * every service with JFR in another minute of the closed model, then measures the database's own limit, and writes {@code summary.md} and the Gatling
 * reports under the output folder. With {@code prometheus} on the PATH, a Prometheus scrapes the
 * stack through the ramp and the fixed rate, and {@link DashboardPicture} draws the dashboard's panels from it.
 */
public final class Benchmark {

    /** How long the benchmark waits after the ramp for the letters of every settled order. */
    private static final Duration LETTER_BACKLOG_LIMIT = Duration.ofMinutes(4);

    /** How long the benchmark waits after that for the stack to be quiet ({@link Quiet}). */
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(90);

    private Benchmark() {
    }

    /**
     * {@code --publish}: afterwards, put the run's row into the styles' table of
     * docs/interaction-styles.md and, in the default style, the table and the plots into
     * docs/performance.md ({@link Publish}).
     */
    public static void main(String[] args) {
        List<String> options = new java.util.ArrayList<>(List.of(args));
        boolean publish = options.remove("--publish");
        Settings settings = Settings.parse(options.toArray(String[]::new),
                Repository.root().resolve("stack/benchmark/target/benchmark"));
        Path summary = run(settings, String.join(" ", args));
        System.out.println("Summary: " + summary);
        if (publish) {
            List<Path> written = Publish.publish(summary.getParent(), Repository.root());
            System.out.println("Published into " + written.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** Runs it all and returns the summary file. */
    public static Path run(Settings settings) {
        return run(settings, "");
    }

    /** Runs it all, records {@code arguments} (the command line) with the run, and returns the summary file. */
    static Path run(Settings settings, String arguments) {
        Machine machine = Machine.now();
        Path out = settings.out().toAbsolutePath();
        Folders.delete(out);
        Path logs = out.resolve("logs");
        create(logs);
        long started = System.nanoTime();
        HostedStack stack = HostedStack.start(out.resolve("stack-data"), settings.style());
        double ready = (System.nanoTime() - started) / 1e9;
        Thread stopper = new Thread(stack::close, "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopper);
        try (stack) {
            System.out.printf("stack ready in %.1f s at %s, style %s%n", ready, stack.ingressUri(), settings.style());

            Population population = Seeding.seed(stack.ingressUri(), settings.users(), settings.style());
            Path usersFile = out.resolve("users.csv");
            population.write(usersFile);

            // The JIT compilers of the stack's JVMs (five to nine, by style) on shared cores: not measured,
            // its orders fall outside every window.
            System.out.printf("warm-up: %d clients for %d s%n", settings.warmupClients(), settings.warmupSeconds());
            GatlingRun.run(stack.ingressUri(), settings.style(), usersFile, GatlingRun.Load.closed("warmup",
                    settings.warmupClients(), settings.warmupSeconds()), out.resolve("gatling"),
                    logs.resolve("gatling-warmup.log"));
            settle(Duration.ofSeconds(5));

            Summary result;
            StackProcesses processes = new StackProcesses(stack);
            try (Memory memory = new Memory(processes); DashboardPicture dashboard = DashboardPicture.prepare(stack, out, logs)) {
                Instant closedStart = Instant.now();
                Statements.reset(stack.superuser());
                CpuTime cpuBefore = CpuTime.now(processes);
                CpuTime jitBefore = JitTime.now(processes);
                Duration benchmarkBefore = CpuTime.ofThisJvm();
                GatlingRun.Run closedRun = GatlingRun.run(stack.ingressUri(), settings.style(), usersFile,
                        GatlingRun.Load.closed("closed", settings.warmupClients(), settings.closedSeconds()),
                        out.resolve("gatling"), logs.resolve("gatling-closed.log"));
                GatlingStats closedLoad = closedRun.stats("closed");
                CpuTime closedCpu = CpuTime.now(processes).since(cpuBefore)
                        .with(CpuTime.LOAD_GENERATOR, closedRun.cpu())
                        .with(CpuTime.BENCHMARK, CpuTime.ofThisJvm().minus(benchmarkBefore));
                CpuTime closedJit = JitTime.now(processes).since(jitBefore);
                Instant closedEnd = Instant.now();
                Statements.Profile statements = Statements.read(stack.superuser());
                // The stack's memory under the open-model phases, from here.
                memory.restart();
                // Prometheus scrapes every process each second from here to the end of the fixed phase.
                dashboard.scrape();
                settle(Duration.ofSeconds(5));

                double rampTo = settings.rampTop(closedLoad.requests() / (double) settings.closedSeconds());
                System.out.printf("ramp: %.0f to %.0f orders/s in %d s%n", settings.rampFrom(), rampTo,
                        settings.rampSeconds());
                Instant rampStart = Instant.now();
                Path rampLog = logs.resolve("gatling-ramp.log");
                GatlingStats ramp = GatlingRun.run(stack.ingressUri(), settings.style(), usersFile,
                        GatlingRun.Load.rising("ramp", settings.rampFrom(), rampTo, settings.rampSeconds()),
                        out.resolve("gatling"), rampLog).stats("ramp");
                Instant rampEnd = Instant.now();
                // Past saturation the order path takes the cores and, with a broker, letters queue up in
                // Kafka: the fixed phase starts once every settled order has its letter, not in that backlog.
                List<OrderLog.Order> afterRamp = OrderLog.read(stack.ingressUri(), settings.style(), population,
                        LETTER_BACKLOG_LIMIT);
                Duration backlog = Duration.between(rampEnd, Instant.now());
                double saturation = Throughput.peak(afterRamp, rampStart, rampEnd);
                double pipelineSaturation = Throughput.sustained(afterRamp, rampStart, rampEnd,
                        Settled.inTheAnswer(settings.style()));
                long lettersMissing = afterRamp.stream().filter(o -> o.settled() && o.letterAt() == null).count();
                System.out.printf("letters caught up %d s after the ramp (%d still missing)%n", backlog.toSeconds(),
                        lettersMissing);
                double fixedRate = settings.fixedRate() > 0 ? settings.fixedRate() : Math.max(1, Math.floor(saturation / 2));
                System.out.printf("saturation %.0f orders/s (letters keeping up: %.0f); fixed phase at %.0f/s%n", saturation,
                        pipelineSaturation, fixedRate);
                Duration quiet = Quiet.await(processes, QUIET_LIMIT);
                System.out.printf("stack quiet %d s after the letters caught up%n", quiet.toSeconds());

                Path fixedLog = logs.resolve("gatling-fixed.log");
                CompletableFuture<List<CpuTime>> jitAtLeadIn = jitAtLeadIn(processes,
                        GatlingRun.startedFile(out.resolve("gatling"), "fixed"), settings.leadInSeconds());
                GatlingRun.Run fixedRun = GatlingRun.run(stack.ingressUri(), settings.style(), usersFile,
                        GatlingRun.Load.constant("fixed", fixedRate, settings.generatorWarmupSeconds(),
                                settings.leadInSeconds(), settings.fixedSeconds()), out.resolve("gatling"), fixedLog);
                Instant fixedEnd = Instant.now();
                // The measured orders are those created after the lead-in (with the few the lead-in sent in its
                // last moments that reached orders after it); the lead-in's requests are reported apart.
                Instant fixedStart = fixedRun.started().plusSeconds(settings.leadInSeconds());
                List<CpuTime> leadInMarks = jitAtLeadIn.join();
                CpuTime fixedJit = JitTime.now(processes).since(leadInMarks.get(1));
                CpuTime leadInJit = leadInMarks.get(1).since(leadInMarks.get(0));
                GatlingStats fixed = fixedRun.stats("fixed");
                GatlingStats leadIn = settings.leadInSeconds() > 0 ? fixedRun.stats(OrderSimulation.LEAD_IN) : null;
                List<OrderLog.Order> all = OrderLog.read(stack.ingressUri(), settings.style(), population,
                        Duration.ofSeconds(60));
                Summary.Stalls stalls = stalls(stack, all, fixedLog, fixedStart, fixedEnd, fixedJit);
                Summary.Stalls leadInStalls = leadIn == null ? null
                        : stalls(stack, all, fixedLog, fixedRun.started(), fixedStart, leadInJit);
                Map<String, Long> statuses = all.stream().collect(Collectors.groupingBy(OrderLog.Order::status,
                        Collectors.counting()));
                String loadAtEnd = Machine.currentLoad();
                Memory.Peak peak = memory.peak();
                dashboard.write(arguments.contains("--smoke") ? " (a smoke run: it measures nothing)" : "",
                        String.format(java.util.Locale.ROOT, "%s at %s, style %s: each panel's queries evaluated by "
                                + "Prometheus every %d s; it scraped each process every second",
                                java.time.LocalDate.now(java.time.ZoneOffset.UTC), commit(), settings.style(),
                                DashboardPicture.STEP.toSeconds()),
                        rampStart, fixedRun.started(), String.format(java.util.Locale.ROOT,
                                "the fixed rate's orders start (%.0f/s; the first %d s are its lead-in)", fixedRate,
                                settings.leadInSeconds()), fixedEnd, out.resolve(DashboardPicture.FILE));
                // The database limit is measured without it (the try stops it too, on a failure).
                dashboard.close();
                memory.close();

                // A JFR recording stays in a JVM once started (its buffers, its classes) and costs CPU while
                // it samples: the services are profiled in a closed-model minute of their own, after the CPU
                // and the memory were measured.
                settle(Duration.ofSeconds(5));
                System.out.printf("profile: %d clients for %d s, a JFR recording in every service%n",
                        settings.warmupClients(), settings.closedSeconds());
                Profiler profiler = Profiler.start(processes.services(), out.resolve("profiles"), logs.resolve("jfr.log"));
                GatlingRun.run(stack.ingressUri(), settings.style(), usersFile,
                        GatlingRun.Load.closed("profiled", settings.warmupClients(), settings.closedSeconds()),
                        out.resolve("gatling"), logs.resolve("gatling-profiled.log"));
                Profiler.Result profiles = profiler.stop();

                DatabaseLimit.Result limit = DatabaseLimit.measure(stack.superuser(), settings.limitClients(),
                        settings.limitSeconds(), settings.style(), out, logs.resolve("database-limit.log"));
                Summary.Closed closed = new Summary.Closed(settings.warmupClients(), closedStart, closedEnd,
                        Throughput.settled(all, closedStart, closedEnd), Throughput.rate(all, closedStart, closedEnd),
                        closedCpu, closedJit, statements);
                result = new Summary(settings.style(), machine, loadAtEnd, ready, closed, saturation, pipelineSaturation,
                        rampTo, ramp, new Summary.Backlog(backlog, lettersMissing), fixedRate, leadIn, fixed,
                        Settled.atFixedRate(settings.style(), fixed, fixedRun.sent("fixed"), all),
                        Lag.of(all, fixedStart, fixedEnd), leadInStalls, stalls, statuses, peak, limit, profiles);
                Properties run = result.properties();
                run.setProperty("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
                run.setProperty("commit", commit());
                run.setProperty("arguments", arguments);
                run.setProperty("cores", String.valueOf(machine.cores()));
                run.setProperty("rampStart", rampStart.toString());
                run.setProperty("rampEnd", rampEnd.toString());
                run.setProperty("rampFrom", String.valueOf(settings.rampFrom()));
                run.setProperty("rampTo", String.valueOf(rampTo));
                run.setProperty("quietAfterBacklogSeconds", String.valueOf(quiet.toSeconds()));
                new RunRecord(run, all, RunRecord.cpuPerOrder(closed)).write(out);
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

    /** The checkout's commit, with "+changes" if the work tree differs from it; "unknown" without git. */
    private static String commit() {
        try {
            Process head = new ProcessBuilder("git", "-C", Repository.root().toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String commit = new String(head.getInputStream().readAllBytes()).trim();
            Process diff = new ProcessBuilder("git", "-C", Repository.root().toString(), "diff", "--quiet", "HEAD")
                    .redirectErrorStream(true).start();
            boolean changed = diff.waitFor() != 0;
            return head.waitFor() == 0 ? commit + (changed ? "+changes" : "") : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** What may have held the order path up from {@code from} to {@code to} (the JIT compilers' time given). */
    private static Summary.Stalls stalls(HostedStack stack, List<OrderLog.Order> all, Path generatorLog, Instant from,
                                         Instant to, CpuTime jit) {
        return new Summary.Stalls(Tail.of(all, from, to),
                Pauses.ofReplicas(stack.layout().logs(), stack.replicas().keySet(), from, to),
                Pauses.in(Map.of(CpuTime.LOAD_GENERATOR, GatlingRun.gcLog(generatorLog)), from, to), jit,
                Duration.between(from, to));
    }

    /**
     * The JIT compilers' time when the fixed rate's lead-in starts and when it ends: the load generator
     * writes {@code started} when its load starts (after its own warm-up), and the lead-in is the first
     * {@code leadInSeconds} of it.
     */
    private static CompletableFuture<List<CpuTime>> jitAtLeadIn(StackProcesses processes, Path started, int leadInSeconds) {
        return CompletableFuture.supplyAsync(() -> {
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
            while (Instant.now().isBefore(giveUp)) {
                try {
                    Instant start = Instant.parse(Files.readString(started).trim());
                    CpuTime atStart = JitTime.now(processes);
                    settle(Duration.between(Instant.now(), start.plusSeconds(leadInSeconds)));
                    return List.of(atStart, JitTime.now(processes));
                } catch (IOException | java.time.DateTimeException e) {
                    settle(Duration.ofMillis(100)); // not written yet
                }
            }
            CpuTime now = JitTime.now(processes);
            return List.of(now, now);
        });
    }

    private static void settle(Duration pause) {
        try {
            Thread.sleep(Math.max(0, pause.toMillis()));
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
}
