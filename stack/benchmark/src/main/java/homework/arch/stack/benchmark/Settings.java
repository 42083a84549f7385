package homework.arch.stack.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import homework.arch.stack.StackStyle;

/**
 * What one benchmark run does. {@code fixedRate} 0 means half of the saturation the ramp found;
 * {@code rampTo} 0 means twice the rate of the closed model (below), so that the ramp passes the
 * saturation whatever the machine's speed that hour.
 * The warm-up keeps {@code warmupClients} orders in flight (closed model) for {@code warmupSeconds}:
 * the stack's JVMs (seven in style http-broker) and the load generator share two cores, and their
 * JIT compilers need minutes of load before the CPU cost of an order stops falling
 * (docs/performance.md). The same load then goes on for {@code closedSeconds},
 * measured: the orders it settles per second and the CPU time every process spends per order. The
 * fixed phase starts once the stack is quiet after the ramp ({@link Quiet}); the load generator's
 * JVM, started cold on the same two cores, first warms itself up for {@code generatorWarmupSeconds}
 * with replays of a few orders at the phase's rate, then sends orders for {@code leadInSeconds}, reported
 * apart, and then for {@code fixedSeconds}, measured. The stack runs its services in {@code style}
 * ({@code --style}, a {@link StackStyle} by its configuration name; the default style unless given).
 */
record Settings(Path out, int users, int warmupClients, int warmupSeconds, int closedSeconds, double rampFrom, double rampTo,
                int rampSeconds, double fixedRate, int generatorWarmupSeconds, int leadInSeconds, int fixedSeconds,
                int limitClients, int limitSeconds, StackStyle style) {

    /** The style of a run that names none, and of every run recorded before runs named theirs. */
    static final StackStyle DEFAULT_STYLE = StackStyle.HTTP_BROKER;

    private static final List<String> OPTIONS = List.of("--out", "--users", "--warmup-seconds", "--ramp-to",
            "--ramp-seconds", "--fixed-rate", "--generator-warmup-seconds", "--lead-in-seconds", "--fixed-seconds",
            "--limit-seconds", "--style");

    static Settings defaults(Path out) {
        return new Settings(out, 200, 8, 480, 60, 10, 0, 90, 0, 15, 30, 60, 32, 30, DEFAULT_STYLE);
    }

    /** A few seconds at a low rate: proves the benchmark runs and reports, measures nothing. */
    static Settings smoke(Path out) {
        return new Settings(out, 10, 2, 3, 3, 2, 10, 4, 5, 1, 2, 4, 2, 2, DEFAULT_STYLE);
    }

    /** The same run, in {@code chosen}. */
    Settings withStyle(StackStyle chosen) {
        return new Settings(out, users, warmupClients, warmupSeconds, closedSeconds, rampFrom, rampTo, rampSeconds,
                fixedRate, generatorWarmupSeconds, leadInSeconds, fixedSeconds, limitClients, limitSeconds, chosen);
    }

    /** {@code --smoke} starts from {@link #smoke}, anything else from {@link #defaults}; then each option. */
    static Settings parse(String[] args, Path defaultOut) {
        Map<String, String> options = new HashMap<>();
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                smoke = true;
            } else if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: --smoke, "
                        + String.join(", ", OPTIONS) + " (each with a value)");
            } else if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            } else {
                options.put(args[i], args[++i]);
            }
        }
        Path out = Path.of(options.getOrDefault("--out", defaultOut.toString()));
        Settings s = smoke ? smoke(out) : defaults(out);
        return new Settings(out, number(options, "--users", s.users), s.warmupClients,
                number(options, "--warmup-seconds", s.warmupSeconds), s.closedSeconds, s.rampFrom,
                rate(options, "--ramp-to", s.rampTo), number(options, "--ramp-seconds", s.rampSeconds),
                rate(options, "--fixed-rate", s.fixedRate),
                number(options, "--generator-warmup-seconds", s.generatorWarmupSeconds),
                number(options, "--lead-in-seconds", s.leadInSeconds),
                number(options, "--fixed-seconds", s.fixedSeconds), s.limitClients,
                number(options, "--limit-seconds", s.limitSeconds),
                options.containsKey("--style") ? StackStyle.parse(options.get("--style")) : s.style);
    }

    /**
     * The ramp's top rate: {@code rampTo}, or if that is 0 twice the closed model's rate, in tens. The
     * open model's saturation lies above the closed model's rate (no client waits for an answer before
     * sending), and the same code has given both twice as high in one hour of this VM as in another
     * (docs/performance.md), so no fixed top fits every run.
     */
    double rampTop(double closedPerSecond) {
        return rampTo > 0 ? rampTo : Math.max(rampFrom + 10, Math.ceil(2 * closedPerSecond / 10) * 10);
    }

    private static int number(Map<String, String> options, String option, int otherwise) {
        return options.containsKey(option) ? Integer.parseInt(options.get(option)) : otherwise;
    }

    private static double rate(Map<String, String> options, String option, double otherwise) {
        return options.containsKey(option) ? Double.parseDouble(options.get(option)) : otherwise;
    }
}
