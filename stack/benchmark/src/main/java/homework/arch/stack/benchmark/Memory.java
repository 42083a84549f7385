package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of every process of the stack, sampled every two seconds while load runs: VmRSS from
 * {@code /proc/<pid>/status}, and Pss from {@code smaps_rollup}, which splits shared pages (PostgreSQL's
 * shared buffers, touched by every backend) among the processes that map them, so its sum does not
 * count them once per backend as the sum of RSS does. The load generator and the benchmark's own JVM are left
 * out ({@link StackProcesses}).
 */
final class Memory implements AutoCloseable {

    private static final int SAMPLE_SECONDS = 2;

    /** The peak of each component, and of the stack's total at one instant, in kB. */
    record Peak(Map<String, Long> rssKb, Map<String, Long> pssKb, long totalRssKb, long totalPssKb) {
    }

    private final StackProcesses processes;
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final Map<String, Long> peakPss = new LinkedHashMap<>();
    private long peakTotalRss;
    private long peakTotalPss;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread sampler = new Thread(task, "memory-sampler");
        sampler.setDaemon(true);
        return sampler;
    });

    Memory(StackProcesses processes) {
        this.processes = processes;
        timer.scheduleAtFixedRate(this::sample, 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
    }

    /** Forgets the peaks so far: what follows is measured alone. */
    synchronized void restart() {
        peakRss.clear();
        peakPss.clear();
        peakTotalRss = 0;
        peakTotalPss = 0;
    }

    synchronized Peak peak() {
        return new Peak(Map.copyOf(peakRss), Map.copyOf(peakPss), peakTotalRss, peakTotalPss);
    }

    private synchronized void sample() {
        Map<String, List<ProcessHandle>> components = processes.components();
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
