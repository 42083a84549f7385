package homework.arch.stack.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When the slowest orders of a phase came: the slowest 1 % by the time orders took from storing the
 * order to its final status ({@code updatedAt - createdAt}, on the one clock of orders' JVM), counted
 * by the second they were placed in. Spread over most of the seconds, they are requests queueing behind
 * each other on busy cores; held in a few seconds, something stopped the order path for a moment (a
 * pause, a compilation, another process's burst), and that is where the p99 comes from.
 */
record Tail(int orders, double thresholdMillis, int slow, int seconds, int secondsWithSlow, int inWorstThree) {

    static Tail of(List<OrderLog.Order> all, Instant from, Instant to) {
        List<OrderLog.Order> window = all.stream().filter(OrderLog.Order::settled)
                .filter(o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to)).toList();
        if (window.isEmpty()) {
            return new Tail(0, Double.NaN, 0, 0, 0, 0);
        }
        double[] millis = window.stream().mapToDouble(Tail::millis).sorted().toArray();
        double threshold = Lag.percentile(millis, 99);
        Map<Long, Long> slowBySecond = window.stream().filter(o -> millis(o) >= threshold)
                .collect(Collectors.groupingBy(o -> o.createdAt().getEpochSecond(), Collectors.counting()));
        long seconds = window.stream().map(o -> o.createdAt().getEpochSecond()).distinct().count();
        int slow = slowBySecond.values().stream().mapToInt(Long::intValue).sum();
        int worstThree = slowBySecond.values().stream().sorted(Comparator.reverseOrder()).limit(3)
                .mapToInt(Long::intValue).sum();
        return new Tail(window.size(), threshold, slow, (int) seconds, slowBySecond.size(), worstThree);
    }

    private static double millis(OrderLog.Order order) {
        return Duration.between(order.createdAt(), order.updatedAt()).toNanos() / 1e6;
    }
}
