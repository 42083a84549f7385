package homework.arch.stack.benchmark;

import homework.arch.stack.StackStyle;

/**
 * How long an order took from its {@code POST /orders} until it was final ({@code PAID} or
 * {@code CANCELLED}) at the fixed rate, p50 and p99 in ms, and how that was measured. In the styles
 * whose answer carries the final status ({@link OrderSimulation} checks that it does), that is the
 * POST's own latency. A style that answers {@code 202 PENDING} needs the benchmark to poll the order
 * until it is final; the switch names every style, so a style added to {@link StackStyle} does not
 * compile here until it says which it is.
 */
record Settled(double p50, double p99, String measuredBy) {

    static final String IN_THE_ANSWER = "the POST /orders answer carries the final status";

    static Settled atFixedRate(StackStyle style, GatlingStats fixed) {
        return switch (style) {
            case HTTP_ONLY, HTTP_BROKER -> new Settled(fixed.p50(), fixed.p99(), IN_THE_ANSWER);
        };
    }
}
