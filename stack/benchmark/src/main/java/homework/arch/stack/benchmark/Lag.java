package homework.arch.stack.benchmark;

import java.time.Instant;
import java.util.List;

/** Order-to-letter lag of the orders settled in a window: percentiles in ms, and letters missing. */
record Lag(int orders, int missing, double p50, double p99, double max) {

    static Lag of(List<OrderLog.Order> all, Instant from, Instant to) {
        List<OrderLog.Order> window = all.stream().filter(OrderLog.Order::settled)
                .filter(o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)).toList();
        double[] lags = window.stream().filter(o -> o.letterAt() != null)
                .mapToDouble(o -> o.lag().toNanos() / 1e6).sorted().toArray();
        int missing = window.size() - lags.length;
        if (lags.length == 0) {
            return new Lag(window.size(), missing, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Lag(window.size(), missing, percentile(lags, 50), percentile(lags, 99), lags[lags.length - 1]);
    }

    /** The value below which {@code p} per cent of {@code sorted} lie (nearest rank). */
    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
