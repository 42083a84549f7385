package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import homework.arch.stack.Stack;

/**
 * Resident memory of every process of the stack, sampled once a second while load runs: VmRSS from
 * {@code /proc/<pid>/status}, and Pss from {@code smaps_rollup}, which splits shared pages (PostgreSQL's
 * shared buffers, touched by every backend) among the processes that map them, so its sum does not
 * count them once per backend as the sum of RSS does. The ingress runs inside this JVM, together with
 * the launcher and the benchmark's own bookkeeping; Gatling runs in a child JVM and is left out.
 */
final class Memory implements AutoCloseable {

    /** The peak of each component, and of the stack's total at one instant, in kB. */
    record Peak(Map<String, Long> rssKb, Map<String, Long> pssKb, long totalRssKb, long totalPssKb) {
    }

    private final Stack stack;
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final Map<String, Long> peakPss = new LinkedHashMap<>();
    private long peakTotalRss;
    private long peakTotalPss;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Memory(Stack stack) {
        this.stack = stack;
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    synchronized Peak peak() {
        return new Peak(Map.copyOf(peakRss), Map.copyOf(peakPss), peakTotalRss, peakTotalPss);
    }

    private synchronized void sample() {
        Map<String, List<ProcessHandle>> components = components();
        long totalRss = 0;
        long totalPss = 0;
        for (Map.Entry<String, List<ProcessHandle>> component : components.entrySet()) {
            long rss = component.getValue().stream().mapToLong(p -> kb(p, "status", "VmRSS:")).sum();
            long pss = component.getValue().stream().mapToLong(p -> kb(p, "smaps_rollup", "Pss:")).sum();
            peakRss.merge(component.getKey(), rss, Math::max);
            peakPss.merge(component.getKey(), pss, Math::max);
            totalRss += rss;
            totalPss += pss;
        }
        peakTotalRss = Math.max(peakTotalRss, totalRss);
        peakTotalPss = Math.max(peakTotalPss, totalPss);
    }

    /** The processes of each component, found from the stack's pids and its children's command lines. */
    private Map<String, List<ProcessHandle>> components() {
        Map<String, List<ProcessHandle>> components = new LinkedHashMap<>();
        postmaster().ifPresent(pg -> components.put("PostgreSQL (all processes)",
                java.util.stream.Stream.concat(java.util.stream.Stream.of(pg), pg.descendants()).toList()));
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        components.put("Kafka", matching(children, "kafka.Kafka"));
        components.put("Debezium Server", matching(children, "debezium"));
        stack.services().forEach((name, process) -> ProcessHandle.of(process.pid())
                .ifPresent(handle -> components.put(name, List.of(handle))));
        components.put("ingress + launcher (this JVM)", List.of(ProcessHandle.current()));
        return components;
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

    private static long kb(ProcessHandle process, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
