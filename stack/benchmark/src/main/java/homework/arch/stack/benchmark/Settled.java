package homework.arch.stack.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import homework.arch.stack.StackStyle;

/**
 * How long an order took from its {@code POST /orders} until it was final ({@code PAID} or
 * {@code CANCELLED}) at the fixed rate, p50 and p99 in ms, and how that was measured. In the styles
 * whose answer carries the final status ({@link OrderSimulation} checks that it does), that is the
 * POST's own latency. In event collaboration the answer is {@code 202 PENDING} and events settle the
 * order later: it is the order's {@code updatedAt}, read back after the phase ({@link OrderLog}), minus
 * the moment the load generator sent its POST ({@link SentOrders}), both on this machine's one clock;
 * an order still {@code PENDING} when read back counts as not settled. The switches name every
 * style, so a style added to {@link StackStyle} does not compile here until it says which it is.
 */
record Settled(double p50, double p99, String measuredBy) {

    static final String IN_THE_ANSWER = "the POST /orders answer carries the final status";
    static final String READ_BACK = "the order's updatedAt, read back, minus the moment its POST /orders was sent";

    /** Whether the answer to {@code POST /orders} in {@code style} carries the order's final status. */
    static boolean inTheAnswer(StackStyle style) {
        return switch (style) {
            case HTTP_ONLY, HTTP_BROKER -> true;
            case EVENT_COLLABORATION -> false;
        };
    }

    /** {@code sent}: the fixed phase's orders and when each POST was sent; {@code orders}: every order read back. */
    static Settled atFixedRate(StackStyle style, GatlingStats fixed, List<SentOrders.Sent> sent, List<OrderLog.Order> orders) {
        return inTheAnswer(style) ? new Settled(fixed.p50(), fixed.p99(), IN_THE_ANSWER) : readBack(sent, orders);
    }

    /**
     * From send to final status, of every sent order that orders stored (a refused POST stored none);
     * one still {@code PENDING} is named in {@link #measuredBy}, not in the percentiles.
     */
    static Settled readBack(List<SentOrders.Sent> sent, List<OrderLog.Order> orders) {
        Map<UUID, OrderLog.Order> byId = orders.stream().collect(Collectors.toMap(OrderLog.Order::id, Function.identity()));
        long stored = sent.stream().filter(s -> byId.containsKey(s.orderId())).count();
        double[] millis = sent.stream().filter(s -> byId.containsKey(s.orderId()) && byId.get(s.orderId()).settled())
                .mapToDouble(s -> Duration.between(s.at(), byId.get(s.orderId()).updatedAt()).toNanos() / 1e6)
                .sorted().toArray();
        String how = String.format(Locale.ROOT, "%s; %d orders, %d not settled when read", READ_BACK, stored,
                stored - millis.length);
        if (millis.length == 0) {
            return new Settled(Double.NaN, Double.NaN, how);
        }
        return new Settled(Lag.percentile(millis, 50), Lag.percentile(millis, 99), how);
    }
}
