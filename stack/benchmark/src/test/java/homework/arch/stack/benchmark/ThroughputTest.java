package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rates the summary reports, from the orders' own timestamps. */
class ThroughputTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void theRateCountsOnlySettledOrdersInsideTheIntervalOverTheirOwnSpan() {
        List<OrderLog.Order> orders = new ArrayList<>();
        // 41 settled orders, one every 100 ms from T0+10 s: 40 gaps over 4 s, 10 orders/s.
        for (int i = 0; i <= 40; i++) {
            orders.add(order("PAID", T0.plusMillis(10_000 + 100L * i)));
        }
        orders.add(order("PENDING", T0.plusMillis(12_050)));
        orders.add(order("CANCELLED", T0.plusSeconds(30)));
        Instant from = T0.plusSeconds(5);
        Instant to = T0.plusSeconds(20);

        // The idle seconds of the interval before the first and after the last order do not dilute it.
        assertThat(Throughput.rate(orders, from, to), closeTo(10.0, 1e-9));
        assertThat(Throughput.settled(orders, from, to), is(41L));
    }

    @Test
    void thePeakIsTheBestFiveSecondWindow() {
        List<OrderLog.Order> orders = new ArrayList<>();
        for (int second = 0; second < 20; second++) {
            int perSecond = second >= 8 && second < 13 ? 30 : 10;
            for (int i = 0; i < perSecond; i++) {
                orders.add(order("PAID", T0.plusSeconds(second).plusMillis(i)));
            }
        }
        assertThat(Throughput.peak(orders, T0, T0.plusSeconds(20)), closeTo(30.0, 1e-9));
    }

    @Test
    void thePipelineSustainsTheBestWindowBeforeItsLettersFellBehind() {
        List<OrderLog.Order> orders = new ArrayList<>();
        // 10/s for 10 s, then 30/s; the letters take 50 ms until second 14, then 2 s: Kafka's queue grows.
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < (second < 10 ? 10 : 30); i++) {
                Instant settled = T0.plusSeconds(second).plusMillis(i * 10L);
                orders.add(order("PAID", settled, settled.plusMillis(second < 14 ? 50 : 2000)));
            }
        }
        Instant to = T0.plusSeconds(20);

        assertThat(Throughput.peak(orders, T0, to), closeTo(30.0, 1e-9));
        assertThat(Throughput.fellBehind(orders, T0, to, true).orElseThrow(), is(T0.plusSeconds(14)));
        // The best window before second 14: seconds 9 to 13, (10 + 4 * 30) / 5.
        assertThat(Throughput.sustained(orders, T0, to, true), closeTo(26.0, 1e-9));
        // Before any letter fell behind, the two rates agree.
        assertThat(Throughput.sustained(orders, T0, T0.plusSeconds(14), true),
                is(Throughput.peak(orders, T0, T0.plusSeconds(14))));
    }

    @Test
    void aPauseThePipelineCatchesUpFromIsNotFallingBehind() {
        List<OrderLog.Order> orders = new ArrayList<>();
        // 20/s for 20 s; in seconds 3 to 6 (four in a row) one letter a second takes 1.5 s, then none.
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 20; i++) {
                Instant settled = T0.plusSeconds(second).plusMillis(i * 10L);
                boolean slow = second >= 3 && second <= 6 && i == 0;
                orders.add(order("PAID", settled, settled.plusMillis(slow ? 1500 : 50)));
            }
        }
        Instant to = T0.plusSeconds(20);

        assertThat(Throughput.fellBehind(orders, T0, to, true), is(Optional.empty()));
        assertThat(Throughput.sustained(orders, T0, to, true), is(Throughput.peak(orders, T0, to)));
        // A fifth second in a row with a late letter is a queue: the pipeline fell behind when it began.
        orders.add(order("PAID", T0.plusSeconds(7), null));
        assertThat(Throughput.fellBehind(orders, T0, to, true).orElseThrow(), is(T0.plusSeconds(3)));
    }

    @Test
    void aMissingLetterOrOneAtTheBoundIsLate() {
        Instant settled = T0.plusSeconds(3);

        assertThat(Throughput.late(order("PAID", settled, settled.plusMillis(999)), true), is(false));
        assertThat(Throughput.late(order("PAID", settled, settled.plus(Throughput.LETTER_LAG_BOUND)), true), is(true));
        assertThat(Throughput.late(order("PAID", settled, null), true), is(true));
    }

    @Test
    void whereTheAnswerIsNotFinalAnOrderSettledASecondOrMoreAfterItWasPlacedIsLate() {
        Instant placed = T0.plusSeconds(3);
        OrderLog.Order slowSaga = new OrderLog.Order(UUID.randomUUID(), "PAID", placed, placed.plusMillis(1200),
                placed.plusMillis(1250));

        assertThat(Throughput.late(slowSaga, false), is(true));
        // In a style whose answer carries the final status, that time was the client's wait, not a queue.
        assertThat(Throughput.late(slowSaga, true), is(false));
    }

    @Test
    void aLetterStoredBeforeItsOrderIsFinalKeepsUpWithIt() {
        List<OrderLog.Order> orders = new ArrayList<>();
        // Style http-only: each letter is stored 20 ms before its order's final status (a negative lag).
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 10; i++) {
                Instant settled = T0.plusSeconds(second).plusMillis(i * 10L);
                orders.add(order("PAID", settled, settled.minusMillis(20)));
            }
        }
        Instant to = T0.plusSeconds(10);

        assertThat(Throughput.fellBehind(orders, T0, to, true), is(Optional.empty()));
        assertThat(Throughput.sustained(orders, T0, to, true), is(Throughput.peak(orders, T0, to)));
    }

    @Test
    void theLagIsSignedInItsPercentiles() {
        List<OrderLog.Order> orders = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            Instant settled = T0.plusMillis(100L * i);
            orders.add(order("PAID", settled, settled.plusMillis(i <= 60 ? -i : i)));
        }
        orders.add(order("CANCELLED", T0.plusSeconds(3), null));

        Lag lag = Lag.of(orders, T0, T0.plusSeconds(20));
        assertThat(lag.orders(), is(101));
        assertThat(lag.missing(), is(1));
        assertThat("the 50th of 100 lags, -1 to -60 then 61 to 100", lag.p50(), is(-11.0));
        assertThat(lag.p99(), is(99.0));
        assertThat(lag.max(), is(100.0));
        assertThat("all negative", Lag.of(orders.subList(0, 60), T0, T0.plusSeconds(20)).max(), is(-1.0));
    }

    private static OrderLog.Order order(String status, Instant updatedAt) {
        return order(status, updatedAt, null);
    }

    private static OrderLog.Order order(String status, Instant updatedAt, Instant letterAt) {
        return new OrderLog.Order(UUID.randomUUID(), status, updatedAt.minusMillis(50), updatedAt, letterAt);
    }
}
