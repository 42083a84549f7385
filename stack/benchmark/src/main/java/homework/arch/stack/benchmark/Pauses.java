package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage-collection pauses of some JVMs in a window, from the GC logs they write with
 * {@code -Xlog:gc} and the time of day: every service replica ({@code <replica>-gc.log} in the stack's
 * logs) and the load generator ({@link GatlingRun#gcLog}). How much of a phase's latency a stop of one
 * JVM can explain. Kafka, Debezium Server and the launcher write none.
 */
record Pauses(List<Pause> pauses) {

    /** One pause of one JVM: when it ended (the log line's time), how long it took, of which kind. */
    record Pause(String jvm, Instant at, double millis, String kind) {
    }

    // [2026-12-07T23:18:20.971+0000][322.032s] GC(108) Pause Young (Allocation Failure) 70M->42M(91M) 23.666ms
    private static final Pattern LINE = Pattern.compile(
            "^\\[([^]]+)]\\[[^]]+] GC\\(\\d+\\) Pause (\\w+).* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** The pauses in {@code [from, to)} of the service replicas named, from their logs in {@code logs}. */
    static Pauses ofReplicas(Path logs, Collection<String> replicas, Instant from, Instant to) {
        Map<String, Path> files = new LinkedHashMap<>();
        replicas.forEach(replica -> files.put(replica, logs.resolve(replica + "-gc.log")));
        return in(files, from, to);
    }

    /** The pauses in {@code [from, to)} in each JVM's GC log (a missing log has none). */
    static Pauses in(Map<String, Path> logs, Instant from, Instant to) {
        List<Pause> found = new ArrayList<>();
        for (Map.Entry<String, Path> jvm : logs.entrySet()) {
            Path log = jvm.getValue();
            if (!Files.isRegularFile(log)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(log)) {
                    parse(jvm.getKey(), line).filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).ifPresent(found::add);
                }
            } catch (IOException e) {
                // a log being rotated or gone: its pauses are not counted
            }
        }
        return new Pauses(List.copyOf(found));
    }

    static Optional<Pause> parse(String jvm, String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
        return Optional.of(new Pause(jvm, at, Double.parseDouble(m.group(3)), m.group(2)));
    }

    double totalMillis() {
        return pauses.stream().mapToDouble(Pause::millis).sum();
    }

    Optional<Pause> longest() {
        return pauses.stream().max(Comparator.comparingDouble(Pause::millis));
    }
}
