package homework.arch.stack.benchmark;

import java.time.Duration;

/**
 * A child JVM for the tests that measure other processes: burns CPU in {@link #burn} until it has
 * used the milliseconds of its argument, then prints the CPU time it has used and exits; with a second
 * argument, {@code wait}, it exits only once its standard input ends.
 */
public final class Burner {

    private Burner() {
    }

    public static void main(String[] args) {
        Duration until = Duration.ofMillis(Long.parseLong(args[0]));
        long sink = 0;
        while (cpu().compareTo(until) < 0) {
            sink += burn(sink);
        }
        System.out.println(cpu() + " " + (sink == 42 ? "" : "done"));
        System.out.flush();
        if (args.length > 1 && args[1].equals("wait")) {
            try {
                while (System.in.read() >= 0) {
                    // until the test closes the pipe
                }
            } catch (java.io.IOException e) {
                // the pipe is gone: exit
            }
        }
    }

    static long burn(long seed) {
        long x = seed | 1;
        for (int i = 0; i < 5_000_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }
}
