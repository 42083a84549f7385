package homework.arch.stack.benchmark;

import java.nio.file.Path;

/**
 * What one benchmark run does. {@code fixedRate} 0 means half of the saturation the ramp found.
 */
record Settings(Path out, int users, double rampFrom, double rampTo, int rampSeconds, double fixedRate,
                int fixedSeconds, int limitClients, int limitSeconds) {

    static Settings defaults(Path out) {
        // The ramp's top is several times the saturation measured on 2 cores (docs/performance.md).
        return new Settings(out, 200, 10, 200, 60, 0, 60, 32, 30);
    }

    /** A few seconds at a low rate: proves the benchmark runs and reports, measures nothing. */
    static Settings smoke(Path out) {
        return new Settings(out, 10, 2, 10, 4, 5, 4, 2, 2);
    }

    static Settings parse(String[] args, Path defaultOut) {
        Settings s = defaults(defaultOut);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            s = switch (args[i]) {
                case "--smoke" -> smoke(s.out());
                case "--out" -> s.with(Path.of(value), s.users, s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitSeconds);
                case "--users" -> s.with(s.out, Integer.parseInt(value), s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitSeconds);
                case "--ramp-to" -> s.with(s.out, s.users, Double.parseDouble(value), s.rampSeconds, s.fixedRate, s.fixedSeconds, s.limitSeconds);
                case "--ramp-seconds" -> s.with(s.out, s.users, s.rampTo, Integer.parseInt(value), s.fixedRate, s.fixedSeconds, s.limitSeconds);
                case "--fixed-rate" -> s.with(s.out, s.users, s.rampTo, s.rampSeconds, Double.parseDouble(value), s.fixedSeconds, s.limitSeconds);
                case "--fixed-seconds" -> s.with(s.out, s.users, s.rampTo, s.rampSeconds, s.fixedRate, Integer.parseInt(value), s.limitSeconds);
                case "--limit-seconds" -> s.with(s.out, s.users, s.rampTo, s.rampSeconds, s.fixedRate, s.fixedSeconds, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --smoke, --out DIR, "
                        + "--users N, --ramp-to RATE, --ramp-seconds S, --fixed-rate RATE, --fixed-seconds S, --limit-seconds S");
            };
            if (!args[i].equals("--smoke")) {
                i++;
            }
        }
        return s;
    }

    private Settings with(Path out, int users, double rampTo, int rampSeconds, double fixedRate, int fixedSeconds,
                          int limitSeconds) {
        return new Settings(out, users, rampFrom, rampTo, rampSeconds, fixedRate, fixedSeconds, limitClients, limitSeconds);
    }
}
