package homework.arch.stack.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time (user + system) used by each component of the stack between two snapshots, to say where
 * the cost of an order goes. A PostgreSQL backend that ends between the snapshots takes its time with
 * it; the services keep their pooled connections, so under steady load that is rare.
 */
record CpuTime(Map<String, Duration> used) {

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

    Duration total() {
        return used.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration total(List<ProcessHandle> handles) {
        return handles.stream().map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
