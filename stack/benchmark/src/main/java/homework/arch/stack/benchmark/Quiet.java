package homework.arch.stack.benchmark;

import java.time.Duration;

/**
 * Waits until the stack is quiet before a measured phase: an overload leaves work behind it
 * (PostgreSQL's checkpoint and autovacuum of the rows it wrote, the services' collections and their
 * settlers' retries), and a phase that starts in the middle of that measures the recovery, not the
 * load it offers. Quiet is a window in which the stack's processes used less than {@link #CORES} of a core.
 */
final class Quiet {

    /** The stack's use of the cores, in cores, below which it counts as quiet. */
    static final double CORES = 0.25;

    private static final Duration WINDOW = Duration.ofSeconds(3);

    private Quiet() {
    }

    /** Waits until one window is quiet, at most {@code limit}; returns how long it waited. */
    static Duration await(StackProcesses processes, Duration limit) {
        long started = System.nanoTime();
        CpuTime before = CpuTime.now(processes);
        while (true) {
            sleep(WINDOW);
            CpuTime now = CpuTime.now(processes);
            CpuTime used = now.since(before);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (isQuiet(used, WINDOW) || waited.compareTo(limit) >= 0) {
                return waited;
            }
            before = now;
        }
    }

    /** Whether {@code used}, the CPU time of the stack's processes during {@code window}, is below {@link #CORES}. */
    static boolean isQuiet(CpuTime used, Duration window) {
        return used.stack().toNanos() < CORES * window.toNanos();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
