package homework.arch.stack.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of the JIT compiler threads of each JVM of the stack, as a {@link CpuTime}
 * snapshot whose difference to an earlier one ({@link CpuTime#since}) is a phase's:
 * how much of a phase's CPU went into compiling rather than into orders, which says whether the warm-up
 * was long enough, and a compilation holds one of the shared cores as long as a request would. HotSpot
 * names them {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}, which {@code /proc} cuts to
 * 15 characters. A compiler thread that ends between two snapshots (HotSpot may stop an idle one beyond
 * the first of each kind) takes its time with it; a PostgreSQL process has none.
 */
final class JitTime {

    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

    private JitTime() {
    }

    /** What each component's compiler threads have used since it started. */
    static CpuTime now(StackProcesses processes) {
        Map<String, Duration> used = new LinkedHashMap<>();
        processes.components().forEach((name, handles) -> used.put(name, handles.stream()
                .map(handle -> ofProcess(handle.pid())).reduce(Duration.ZERO, Duration::plus)));
        return new CpuTime(used);
    }

    /** The CPU time that the compiler threads of process {@code pid} have used (zero if it has none, or ended). */
    static Duration ofProcess(long pid) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                ticks += compilerTicks(read(task.resolve("stat")));
            }
        } catch (IOException | RuntimeException e) {
            // the process ended while its threads were listed
        }
        return Duration.ofMillis(ticks * 1000 / CpuTime.TICKS_PER_SECOND);
    }

    /**
     * The user and system ticks of one thread's {@code stat} line if the thread is a JIT compiler, else 0.
     * The name is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
     */
    static long compilerTicks(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String name = stat.substring(open + 1, close);
        if (COMPILER_THREADS.stream().noneMatch(name::startsWith)) {
            return 0;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
