package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import homework.arch.stack.StackStyle;
import homework.arch.stack.fixtures.Jdk;

/**
 * One Gatling run of {@link OrderSimulation} in a JVM of its own, so the load generator's memory
 * and heap are not counted as the stack's, and its report lands in a folder of its own. Its CPU time
 * is measured whole, from its start to its exit, because it shares the cores with the stack.
 */
final class GatlingRun {

    private GatlingRun() {
    }

    /**
     * A finished run: its report folder, the instant its load started, and the CPU time its JVM used
     * (start-up, load and report; {@link CpuTime#ofEndedChildren}, so any other child of this JVM that
     * ended meanwhile would count too: none does while Gatling runs), and the file of the orders it
     * sent ({@link SentOrders}; written in the styles whose answer does not carry the final status).
     */
    record Run(Path report, Instant started, Duration cpu, Path sentFile) {

        /** The numbers of one phase's requests in the report. */
        GatlingStats stats(String phase) {
            return GatlingStats.read(report, OrderSimulation.request(phase));
        }

        /** The orders one phase sent, and when. */
        List<SentOrders.Sent> sent(String phase) {
            return SentOrders.read(sentFile, phase);
        }
    }

    /** The GC log of the load generator's JVM whose output goes to {@code log}. */
    static Path gcLog(Path log) {
        return log.resolveSibling(log.getFileName().toString().replace(".log", "-gc.log"));
    }

    /** The file in which a run of {@code mode} writes the instant its load started, once it has. */
    static Path startedFile(Path resultsRoot, String mode) {
        return resultsRoot.resolve(mode + "-started.txt");
    }

    /**
     * Runs it against a stack in {@code style} (which answers a placed order as {@link OrderSimulation#answer}
     * says) and returns its report folder ({@code index.html} and {@code js/stats.js}).
     */
    static Run run(URI ingress, StackStyle style, Path usersFile, Load load, Path resultsRoot, Path log) {
        Path results = resultsRoot.resolve(load.mode());
        Path started = startedFile(resultsRoot, load.mode());
        Path sent = resultsRoot.resolve(load.mode() + "-sent.csv");
        List<String> command = new ArrayList<>(List.of(Jdk.java().toString(), "-Xms256m", "-Xmx768m",
                "-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                // Its collections, beside the services' own GC logs and dated like theirs (Pauses): a pause
                // here delays the arrivals and the answers' time stamps.
                "-Xlog:gc:file=" + gcLog(log) + ":time,uptime",
                "-Dbench.baseUrl=" + ingress,
                "-Dbench.style=" + style.configName(),
                "-Dbench.sentFile=" + sent,
                "-Dbench.usersFile=" + usersFile,
                "-Dbench.mode=" + load.mode(),
                "-Dbench.rateFrom=" + load.rateFrom(),
                "-Dbench.rateTo=" + load.rateTo(),
                "-Dbench.clients=" + load.clients(),
                "-Dbench.seconds=" + load.seconds(),
                "-Dbench.generatorWarmupSeconds=" + load.generatorWarmupSeconds(),
                "-Dbench.leadInSeconds=" + load.leadInSeconds(),
                "-Dbench.startedFile=" + started,
                "-Dgatling.http.requestTimeout=10000",
                "-Dgatling.charting.indicators.percentile1=50",
                "-Dgatling.charting.indicators.percentile2=95",
                "-Dgatling.charting.indicators.percentile3=99",
                "-Dgatling.charting.indicators.percentile4=99.9",
                "-cp", System.getProperty("java.class.path"),
                "io.gatling.app.Gatling",
                "-s", OrderSimulation.class.getName(),
                "-rf", results.toString(),
                "-rd", load.description()));
        try {
            Files.createDirectories(results);
            Files.deleteIfExists(started);
            Files.deleteIfExists(sent);
            Set<Path> before = reports(results);
            Duration childrenBefore = CpuTime.ofEndedChildren();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            int exit = process.waitFor();
            Duration cpu = CpuTime.ofEndedChildren().minus(childrenBefore);
            List<Path> fresh = reports(results).stream().filter(p -> !before.contains(p))
                    .sorted(Comparator.reverseOrder()).toList();
            if (fresh.isEmpty() || !Files.isRegularFile(fresh.get(0).resolve("index.html"))) {
                throw new IllegalStateException("Gatling (" + load.mode() + ") exited with " + exit
                        + " and wrote no report; see " + log);
            }
            if (!Files.isRegularFile(started)) {
                throw new IllegalStateException("Gatling (" + load.mode() + ") did not say when its load started; see " + log);
            }
            return new Run(fresh.get(0), Instant.parse(Files.readString(started).trim()), cpu, sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static Set<Path> reports(Path results) throws IOException {
        try (Stream<Path> children = Files.list(results)) {
            return children.filter(Files::isDirectory).collect(Collectors.toSet());
        }
    }

    /**
     * The load of one run: an arrival rate in orders per second (open model), or {@code clients}
     * orders kept in flight whatever the answer time (closed model, {@code clients} above 0). A
     * constant rate may start with a lead-in at that rate, reported under a request name of its own.
     */
    record Load(String mode, double rateFrom, double rateTo, int clients, int generatorWarmupSeconds,
                int leadInSeconds, int seconds) {

        static Load rising(String mode, double rateFrom, double rateTo, int seconds) {
            return new Load(mode, rateFrom, rateTo, 0, 0, 0, seconds);
        }

        static Load constant(String mode, double rate, int generatorWarmupSeconds, int leadInSeconds, int seconds) {
            return new Load(mode, rate, rate, 0, generatorWarmupSeconds, leadInSeconds, seconds);
        }

        static Load closed(String mode, int clients, int seconds) {
            return new Load(mode, 0, 0, clients, 0, 0, seconds);
        }

        String description() {
            return mode + " " + (clients > 0 ? clients + " clients" : rateFrom + "->" + rateTo + "/s") + " for "
                    + (generatorWarmupSeconds > 0 ? generatorWarmupSeconds + " (load generator warm-up) + " : "")
                    + (leadInSeconds > 0 ? leadInSeconds + " + " : "") + seconds + " s";
        }
    }
}
