package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM spent its CPU, from the execution samples of a JFR recording: the methods most often
 * on top of a sampled stack (self: their own code ran) and most often anywhere in it (total: their
 * code or what they called). JFR samples only threads that run Java code, so time in native code,
 * in the garbage collector and in the JIT compilers is not in these shares.
 *
 * @param samples   execution samples with a stack trace
 * @param truncated of them, stacks cut at JFR's stack depth: their outermost callers lack these samples in their total
 * @param period    the sampling period the recording ran with, as JFR states it ("20 ms")
 * @param libraries for each of {@link #LIBRARIES}, the samples with any of its code in the stack, most first
 */
record Profile(long samples, long truncated, String period, List<Share> self, List<Share> total,
               List<Share> libraries) {

    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

    /**
     * The parts of a service that a profile is read by, each named by the prefixes of its classes:
     * where the cost of a request lies, above the methods. A sample counts for every part in its
     * stack, so the shares overlap (fault tolerance holds the remote call it wraps).
     */
    static final Map<String, List<String>> LIBRARIES = orderedMap(
            "CDI (Weld)", List.of("org.jboss.weld."),
            "JAX-RS server (Jersey)", List.of("org.glassfish.jersey.server."),
            "REST client (Jersey, JDK HTTP)", List.of("org.glassfish.jersey.client.", "sun.net.www."),
            "fault tolerance", List.of("io.helidon.microprofile.faulttolerance.", "io.helidon.faulttolerance."),
            "JTA (Narayana)", List.of("com.arjuna.", "io.helidon.integrations.jta."),
            "JPA (Hibernate ORM)", List.of("org.hibernate.engine.", "org.hibernate.internal.", "org.hibernate.query.",
                    "org.hibernate.sql.", "org.hibernate.resource.", "org.hibernate.event."),
            "Bean Validation", List.of("org.hibernate.validator."),
            "connection pool (Agroal)", List.of("io.agroal."),
            "JDBC driver (pgjdbc)", List.of("org.postgresql."),
            "JSON (Jackson)", List.of("com.fasterxml.jackson."),
            "logging", List.of("java.util.logging.", "io.helidon.logging."),
            "metrics", List.of("io.helidon.metrics.", "io.micrometer."),
            "Kafka client", List.of("org.apache.kafka."),
            "our code", List.of("homework.arch."));

    /** A method (class and name) and the samples it was in. */
    record Share(String method, long samples) {
    }

    /**
     * Summarises recordings again, e.g. those of an earlier run: {@code java -cp
     * stack/benchmark/target/stack-benchmark.jar homework.arch.stack.benchmark.Profile <out>/profiles/*.jfr}
     * prints each one's text ({@link #text}) as the run wrote it beside the recording.
     */
    public static void main(String[] recordings) {
        for (String recording : recordings) {
            Path file = Path.of(recording);
            System.out.println(read(file, Profiler.TOP).text(file.getFileName().toString().replace(".jfr", "")));
        }
    }

    /** The {@code top} methods by self and by total samples of the recording in {@code file}. */
    static Profile read(Path file, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        long samples = 0;
        long truncated = 0;
        String period = "unknown";
        try (RecordingFile recording = new RecordingFile(file)) {
            long sampleType = recording.readEventTypes().stream().filter(t -> t.getName().equals(EXECUTION_SAMPLE))
                    .mapToLong(EventType::getId).findFirst().orElse(-1);
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ActiveSetting") && event.getLong("id") == sampleType
                        && event.getString("name").equals("period")) {
                    period = inMillis(event.getString("value"));
                } else if (type.equals(EXECUTION_SAMPLE) && event.getStackTrace() != null
                        && !event.getStackTrace().getFrames().isEmpty()) {
                    RecordedStackTrace stack = event.getStackTrace();
                    samples++;
                    truncated += stack.isTruncated() ? 1 : 0;
                    self.merge(method(stack.getFrames().getFirst()), 1L, Long::sum);
                    Set<String> seen = new HashSet<>(); // a recursive method counts once per sample
                    Set<String> parts = new HashSet<>();
                    stack.getFrames().forEach(frame -> {
                        if (seen.add(method(frame))) {
                            total.merge(method(frame), 1L, Long::sum);
                            library(method(frame)).ifPresent(parts::add);
                        }
                    });
                    parts.forEach(part -> libraries.merge(part, 1L, Long::sum));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable JFR recording " + file, e);
        }
        return new Profile(samples, truncated, period, top(self, top), top(total, top),
                top(libraries, LIBRARIES.size()));
    }

    /** The share of all samples, in per cent. */
    double percent(Share share) {
        return samples == 0 ? 0 : 100.0 * share.samples() / samples;
    }

    /** Both lists as plain text, under a line that says what was sampled. */
    String text(String jvm) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d execution samples (a running "
                + "thread's stack every %s); %s.%n", jvm, samples, period, truncated == 0 ? "every stack whole"
                : truncated + " of the stacks were cut at JFR's stack depth, and their outermost callers are missing "
                + "from the totals"));
        list(text, "by self samples (the method's own code was running)", self);
        list(text, "by total samples (the method was anywhere in the stack)", total);
        list(text, "parts by total samples (any of their code was in the stack; the shares overlap)", libraries);
        return text.toString();
    }

    private void list(StringBuilder text, String title, List<Share> shares) {
        text.append(String.format(Locale.ROOT, "%nTop %d %s:%n", shares.size(), title));
        shares.forEach(s -> text.append(String.format(Locale.ROOT, "%6.1f %% %8d  %s%n", percent(s), s.samples(),
                s.method())));
    }

    /** A JFR timespan ("20 ms" from a .jfc file, "10000000 ns" from the API) in milliseconds. */
    static String inMillis(String timespan) {
        String[] parts = timespan.trim().split("\\s+");
        Map<String, Long> nanos = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L);
        if (parts.length != 2 || !nanos.containsKey(parts[1]) || !parts[0].matches("[0-9]{1,9}")) {
            return timespan;
        }
        return BigDecimal.valueOf(Long.parseLong(parts[0]) * nanos.get(parts[1]), 6).stripTrailingZeros().toPlainString()
                + " ms";
    }

    /** The part of {@link #LIBRARIES} that a method (class and name) belongs to. */
    static java.util.Optional<String> library(String method) {
        return LIBRARIES.entrySet().stream().filter(part -> part.getValue().stream().anyMatch(method::startsWith))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Map<String, List<String>> orderedMap(Object... namesAndPrefixes) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndPrefixes.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> prefixes = (List<String>) namesAndPrefixes[i + 1];
            map.put((String) namesAndPrefixes[i], prefixes);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String method(RecordedFrame frame) {
        return method(frame.getMethod().getType().getName(), frame.getMethod().getName());
    }

    /**
     * A method's name: its class's and its own. A hidden class (a lambda, a method handle's form) is named
     * without the address the JVM gave it, so that its code has one name in every run and all its
     * instances count together.
     */
    static String method(String type, String name) {
        return type.replaceAll("[./]0x[0-9a-fA-F]+$", "") + "." + name;
    }

    private static List<Share> top(Map<String, Long> counts, int top) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((method, n) -> shares.add(new Share(method, n)));
        shares.sort((a, b) -> a.samples() != b.samples() ? Long.compare(b.samples(), a.samples())
                : a.method().compareTo(b.method()));
        return List.copyOf(shares.subList(0, Math.min(top, shares.size())));
    }
}
