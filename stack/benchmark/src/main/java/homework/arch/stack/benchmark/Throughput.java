package homework.arch.stack.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Orders settled per second, from the orders' own {@code updatedAt}, over a sliding window. */
final class Throughput {

    static final int WINDOW_SECONDS = 5;

    /**
     * The longest an order's letter may take for the pipeline (relay, Kafka, consumer; in style
     * http-only, notifications' letter call) to count as keeping up with the orders: ten times the
     * letter lag's p99 at the fixed rate (docs/performance.md), so that a collection or a slow poll
     * stays under it, while letters queueing in Kafka pass it within seconds of the consumer falling
     * behind. In a style whose answer is not final it bounds the order's settlement too.
     */
    static final Duration LETTER_LAG_BOUND = Duration.ofSeconds(1);

    private Throughput() {
    }

    /** How many orders were settled between from and to. */
    static long settled(List<OrderLog.Order> orders, Instant from, Instant to) {
        return settledAt(orders, from, to).count();
    }

    /**
     * Orders settled per second between from and to, over the span from the first settled order to the
     * last one (so that a load generator's own start and stop inside the interval do not count).
     */
    static double rate(List<OrderLog.Order> orders, Instant from, Instant to) {
        List<Instant> stamps = settledAt(orders, from, to).sorted().toList();
        if (stamps.size() < 2) {
            return stamps.size();
        }
        return (stamps.size() - 1) / Math.max(0.001, Duration.between(stamps.get(0), stamps.getLast()).toMillis() / 1000.0);
    }

    /** The best {@link #WINDOW_SECONDS}-second average of settled orders per second between from and to. */
    static double peak(List<OrderLog.Order> orders, Instant from, Instant to) {
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        settledAt(orders, from, to).forEach(t -> perSecond.merge(t.getEpochSecond(), 1, Integer::sum));
        double best = 0;
        for (long second = from.getEpochSecond(); second + WINDOW_SECONDS <= to.getEpochSecond() + 1; second++) {
            int sum = 0;
            for (long s = second; s < second + WINDOW_SECONDS; s++) {
                sum += perSecond.getOrDefault(s, 0);
            }
            best = Math.max(best, sum / (double) WINDOW_SECONDS);
        }
        if (best == 0 && !perSecond.isEmpty()) {
            best = perSecond.values().stream().mapToInt(Integer::intValue).sum()
                    / (double) Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        }
        return best;
    }

    /**
     * The best {@link #WINDOW_SECONDS}-second average of settled orders per second between from and
     * to that the whole pipeline kept up with: only windows that end before it {@link #fellBehind}.
     * The {@link #peak} may lie past that point, with the letters of its orders (in a style whose
     * answer is not final, the orders themselves) queueing in Kafka.
     */
    static double sustained(List<OrderLog.Order> orders, Instant from, Instant to, boolean settledInTheAnswer) {
        Instant end = fellBehind(orders, from, to, settledInTheAnswer).orElse(to);
        return peak(orders, from, end);
    }

    /**
     * The first second in [from, to) that starts {@link #WINDOW_SECONDS} seconds in a row each with a
     * {@link #late} order settled in it: a queue that grows. A late order that the next seconds do not
     * repeat (a collection, a checkpoint) is a pause the pipeline caught up from, not a backlog.
     */
    static Optional<Instant> fellBehind(List<OrderLog.Order> orders, Instant from, Instant to, boolean settledInTheAnswer) {
        TreeSet<Long> lateSeconds = orders.stream().filter(OrderLog.Order::settled)
                .filter(o -> !o.updatedAt().isBefore(from) && o.updatedAt().isBefore(to))
                .filter(o -> late(o, settledInTheAnswer))
                .map(o -> o.updatedAt().getEpochSecond()).collect(Collectors.toCollection(TreeSet::new));
        return lateSeconds.stream()
                .filter(second -> LongStream.range(second, second + WINDOW_SECONDS).allMatch(lateSeconds::contains))
                .findFirst().map(Instant::ofEpochSecond);
    }

    /**
     * Whether a settled order's letter took {@link #LETTER_LAG_BOUND} or more, or never came; in a style
     * whose answer is not final ({@code settledInTheAnswer} false), also whether the order itself was
     * settled that long after it was placed (its {@code createdAt}). The lag is signed: a letter
     * stamped before its order's final status is never late.
     */
    static boolean late(OrderLog.Order order, boolean settledInTheAnswer) {
        return order.letterAt() == null || order.lag().compareTo(LETTER_LAG_BOUND) >= 0
                || !settledInTheAnswer && Duration.between(order.createdAt(), order.updatedAt()).compareTo(LETTER_LAG_BOUND) >= 0;
    }

    /** The {@code updatedAt} of every order settled in [from, to). */
    private static Stream<Instant> settledAt(List<OrderLog.Order> orders, Instant from, Instant to) {
        return orders.stream().filter(OrderLog.Order::settled).map(OrderLog.Order::updatedAt)
                .filter(t -> !t.isBefore(from) && t.isBefore(to));
    }
}
