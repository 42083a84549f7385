package homework.arch.stack.benchmark;

import java.nio.file.Path;

/**
 * What one benchmark run does. {@code fixedRate} 0 means half of the saturation the ramp found.
 * The warm-up keeps {@code warmupClients} orders in flight (closed model) for {@code warmupSeconds}:
 * the seven JVMs share two cores, and their JIT compilers need minutes of load before the CPU cost
 * of an order stops falling (docs/performance.md). The same load then goes on for {@code closedSeconds},
 * measured: the orders it settles per second and the CPU time every process spends per order.
 */
record Settings(Path out, int users, int warmupClients, int warmupSeconds, int closedSeconds, double rampFrom, double rampTo,
                int rampSeconds, double fixedRate, int fixedSeconds, int limitClients, int limitSeconds) {

    static Settings defaults(Path out) {
        // The ramp's top is about twice the saturation measured on 2 cores (docs/performance.md).
        return new Settings(out, 200, 8, 480, 60, 10, 200, 90, 0, 60, 32, 30);
    }

    /** A few seconds at a low rate: proves the benchmark runs and reports, measures nothing. */
    static Settings smoke(Path out) {
        return new Settings(out, 10, 2, 3, 3, 2, 10, 4, 5, 4, 2, 2);
    }

    static Settings parse(String[] args, Path defaultOut) {
        Settings s = defaults(defaultOut);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--smoke")) {
                s = smoke(s.out);
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[++i];
            s = switch (args[i - 1]) {
                case "--out" -> new Settings(Path.of(value), s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--users" -> new Settings(s.out, Integer.parseInt(value), s.warmupClients, s.warmupSeconds, s.closedSeconds,
                        s.rampFrom, s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--warmup-seconds" -> new Settings(s.out, s.users, s.warmupClients, Integer.parseInt(value), s.closedSeconds,
                        s.rampFrom, s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--ramp-to" -> new Settings(s.out, s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        Double.parseDouble(value), s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--ramp-seconds" -> new Settings(s.out, s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        s.rampTo, Integer.parseInt(value), s.fixedRate, s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--fixed-rate" -> new Settings(s.out, s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        s.rampTo, s.rampSeconds, Double.parseDouble(value), s.fixedSeconds, s.limitClients, s.limitSeconds);
                case "--fixed-seconds" -> new Settings(s.out, s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        s.rampTo, s.rampSeconds, s.fixedRate, Integer.parseInt(value), s.limitClients, s.limitSeconds);
                case "--limit-seconds" -> new Settings(s.out, s.users, s.warmupClients, s.warmupSeconds, s.closedSeconds, s.rampFrom,
                        s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitClients, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "; options: --smoke, "
                        + "--out DIR, --users N, --warmup-seconds S, --ramp-to RATE, --ramp-seconds S, --fixed-rate RATE, "
                        + "--fixed-seconds S, --limit-seconds S");
            };
        }
        return s;
    }
}
