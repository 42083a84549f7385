package homework.arch.stack.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time (user + system) used by each component of the stack between two snapshots, to say where
 * the cost of an order goes. A PostgreSQL backend that ends between the snapshots takes its time with
 * it; the services keep their pooled connections, so under steady load that is rare. The load
 * generator and the benchmark's own JVM share the cores with the stack, so their times are added as
 * components of their own ({@link #LOAD_GENERATOR}, {@link #BENCHMARK}), and {@link #stack()} is the
 * total without them.
 */
record CpuTime(Map<String, Duration> used) {

    /** The component that is the load generator, Gatling's JVM ({@link GatlingRun}). */
    static final String LOAD_GENERATOR = "load generator (Gatling)";

    /** The component that is this JVM, the benchmark's: its bookkeeping and its sampling of the stack. */
    static final String BENCHMARK = "benchmark (bookkeeping and sampling)";

    /** The components that share the cores but are not the stack. */
    static final List<String> NOT_THE_STACK = List.of(LOAD_GENERATOR, BENCHMARK);

    /** Clock ticks per second of the times in {@code /proc/<pid>/stat}: USER_HZ, 100 on Linux. */
    static final int TICKS_PER_SECOND = 100;

    /** The CPU time each component has used since it started. */
    static CpuTime now(StackProcesses processes) {
        Map<String, Duration> used = new LinkedHashMap<>();
        processes.components().forEach((name, handles) -> used.put(name, total(handles)));
        return new CpuTime(used);
    }

    /** What each component used from {@code earlier} to this snapshot. */
    CpuTime since(CpuTime earlier) {
        Map<String, Duration> delta = new LinkedHashMap<>();
        used.forEach((name, total) -> delta.put(name, total.minus(earlier.used.getOrDefault(name, Duration.ZERO))));
        return new CpuTime(delta);
    }

    /** This, with {@code time} taken off one component's share (work of the benchmark itself). */
    CpuTime without(String component, Duration time) {
        Map<String, Duration> adjusted = new LinkedHashMap<>(used);
        adjusted.computeIfPresent(component, (name, total) -> total.minus(time));
        return new CpuTime(adjusted);
    }

    /** This, with {@code time} as the share of one more component. */
    CpuTime with(String component, Duration time) {
        Map<String, Duration> added = new LinkedHashMap<>(used);
        added.put(component, time);
        return new CpuTime(added);
    }

    Duration total() {
        return used.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The component that used the most, or "none" if none used any. */
    String most() {
        return used.entrySet().stream().filter(e -> e.getValue().isPositive())
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
    }

    /** The total without the load generator's and the benchmark's shares: what the stack itself used. */
    Duration stack() {
        return NOT_THE_STACK.stream().map(name -> used.getOrDefault(name, Duration.ZERO)).reduce(total(), Duration::minus);
    }

    /** The CPU time this JVM has used so far. */
    static Duration ofThisJvm() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The CPU time of this JVM's children that have ended and been waited for, and of theirs
     * ({@code cutime + cstime} in {@code /proc/self/stat}). The kernel adds a child's time there when
     * it is reaped, all of it, up to its last instruction: a child's own {@code /proc/<pid>} is gone by
     * then, and reading it while the child runs misses whatever it does after the last read.
     */
    static Duration ofEndedChildren() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration total(List<ProcessHandle> handles) {
        return handles.stream().map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
