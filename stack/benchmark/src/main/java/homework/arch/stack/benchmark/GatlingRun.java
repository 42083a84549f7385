package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import homework.arch.stack.fixtures.Jdk;

/**
 * One Gatling run of {@link OrderSimulation} in a JVM of its own, so the load generator's memory
 * and heap are not counted as the stack's, and its report lands in a folder of its own.
 */
final class GatlingRun {

    private GatlingRun() {
    }

    /** Runs it and returns the report folder (its {@code index.html} and {@code js/stats.json}). */
    static Path run(URI ingress, Path usersFile, Load load, Path resultsRoot, Path log) {
        Path results = resultsRoot.resolve(load.mode());
        List<String> command = new ArrayList<>(List.of(Jdk.java().toString(), "-Xms256m", "-Xmx768m",
                "-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dbench.baseUrl=" + ingress,
                "-Dbench.usersFile=" + usersFile,
                "-Dbench.mode=" + load.mode(),
                "-Dbench.rateFrom=" + load.rateFrom(),
                "-Dbench.rateTo=" + load.rateTo(),
                "-Dbench.clients=" + load.clients(),
                "-Dbench.seconds=" + load.seconds(),
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
            Set<Path> before = reports(results);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            int exit = process.waitFor();
            List<Path> fresh = reports(results).stream().filter(p -> !before.contains(p))
                    .sorted(Comparator.reverseOrder()).toList();
            if (fresh.isEmpty() || !Files.isRegularFile(fresh.get(0).resolve("index.html"))) {
                throw new IllegalStateException("Gatling (" + load.mode() + ") exited with " + exit
                        + " and wrote no report; see " + log);
            }
            return fresh.get(0);
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
     * orders kept in flight whatever the answer time (closed model, {@code clients} above 0).
     */
    record Load(String mode, double rateFrom, double rateTo, int clients, int seconds) {

        static Load rising(String mode, double rateFrom, double rateTo, int seconds) {
            return new Load(mode, rateFrom, rateTo, 0, seconds);
        }

        static Load constant(String mode, double rate, int seconds) {
            return new Load(mode, rate, rate, 0, seconds);
        }

        static Load closed(String mode, int clients, int seconds) {
            return new Load(mode, 0, 0, clients, seconds);
        }

        String description() {
            return mode + " " + (clients > 0 ? clients + " clients" : rateFrom + "->" + rateTo + "/s") + " for "
                    + seconds + " s";
        }
    }
}
