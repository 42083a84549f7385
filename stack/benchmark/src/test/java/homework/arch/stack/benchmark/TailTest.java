package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The slowest 1 % of a window's orders are counted by the second they were placed in. */
class TailTest {

    private static final Instant FROM = Instant.parse("2026-12-07T23:18:10Z");

    @Test
    void slowOrdersHeldInOneSecondShowAsAStall() {
        List<OrderLog.Order> orders = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                boolean stalled = second == 4 && i < 11;
                orders.add(order(FROM.plusSeconds(second).plusMillis(i * 10), stalled ? 150 : 5 + i % 7, "PAID"));
            }
        }
        orders.add(order(FROM.minusSeconds(1), 900, "PAID"));
        orders.add(order(FROM.plusSeconds(2), 900, "PENDING"));

        Tail tail = Tail.of(orders, FROM, FROM.plusSeconds(10));

        assertThat(tail.orders(), is(1000));
        assertThat(tail.thresholdMillis(), closeTo(150, 0.001));
        assertThat(tail.slow(), is(11));
        assertThat(tail.seconds(), is(10));
        assertThat(tail.secondsWithSlow(), is(1));
        assertThat(tail.inWorstThree(), is(11));
    }

    @Test
    void slowOrdersSpreadOverTheSecondsShowAsQueueing() {
        List<OrderLog.Order> orders = new ArrayList<>();
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                orders.add(order(FROM.plusSeconds(second).plusMillis(i * 10), i == 50 || (second == 0 && i == 51) ? 80 : 5,
                        "CANCELLED"));
            }
        }

        Tail tail = Tail.of(orders, FROM, FROM.plusSeconds(10));

        assertThat(tail.slow(), is(11));
        assertThat(tail.secondsWithSlow(), is(10));
        assertThat(tail.inWorstThree(), is(4));
    }

    private static OrderLog.Order order(Instant created, long millis, String status) {
        return new OrderLog.Order(UUID.randomUUID(), status, created, created.plusMillis(millis), null);
    }
}
