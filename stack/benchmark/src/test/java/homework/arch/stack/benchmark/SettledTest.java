package homework.arch.stack.benchmark;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import homework.arch.stack.StackStyle;
import org.junit.jupiter.api.Test;

/** Time until an order is final: the POST's latency where it answers the final status, else read back. */
class SettledTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final GatlingStats FIXED = new GatlingStats(Path.of("report"), "POST /orders (fixed)", 100, 0, 5, 9, 26, 20);

    @Test
    void inTheStylesThatChargeInTheRequestItIsThePostsLatency() {
        for (StackStyle style : List.of(StackStyle.HTTP_ONLY, StackStyle.HTTP_BROKER)) {
            Settled settled = Settled.atFixedRate(style, FIXED, List.of(), List.of());

            assertThat(style.configName(), settled, is(new Settled(5, 26, Settled.IN_THE_ANSWER)));
        }
    }

    @Test
    void inEventCollaborationItIsTheOrdersUpdatedAtMinusTheMomentItsPostWasSent() {
        List<SentOrders.Sent> sent = new ArrayList<>();
        List<OrderLog.Order> orders = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            UUID id = UUID.randomUUID();
            Instant at = T0.plusSeconds(i);
            sent.add(new SentOrders.Sent("fixed", id, at));
            // The order is stamped 3 ms after the POST was sent and settled i ms after that.
            orders.add(order(id, i % 5 == 0 ? "CANCELLED" : "PAID", at.plusMillis(3), at.plusMillis(3 + i)));
        }

        Settled settled = Settled.atFixedRate(StackStyle.EVENT_COLLABORATION, FIXED, sent, orders);

        assertThat(settled.p50(), is(53.0));
        assertThat(settled.p99(), is(102.0));
        assertThat(settled.measuredBy(), is(Settled.READ_BACK + "; 100 orders, 0 not settled when read"));
    }

    @Test
    void anOrderStillPendingIsNamedNotMeasuredAndARefusedPostStoredNone() {
        UUID pending = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        List<SentOrders.Sent> sent = List.of(new SentOrders.Sent("fixed", pending, T0),
                new SentOrders.Sent("fixed", paid, T0), new SentOrders.Sent("fixed", UUID.randomUUID(), T0));
        List<OrderLog.Order> orders = List.of(order(pending, "PENDING", T0.plusMillis(2), T0.plusMillis(2)),
                order(paid, "PAID", T0.plusMillis(2), T0.plusMillis(40)),
                order(UUID.randomUUID(), "PAID", T0, T0.plusSeconds(9)));

        Settled settled = Settled.readBack(sent, orders);

        assertThat(settled.p50(), is(40.0));
        assertThat(settled.p99(), is(40.0));
        assertThat(settled.measuredBy(), is(Settled.READ_BACK + "; 2 orders, 1 not settled when read"));
    }

    @Test
    void withNoOrderSettledThereIsNoTime() {
        Settled settled = Settled.readBack(List.of(), List.of());

        assertThat(Double.isNaN(settled.p50()), is(true));
        assertThat(settled.measuredBy(), startsWith(Settled.READ_BACK));
    }

    private static OrderLog.Order order(UUID id, String status, Instant createdAt, Instant updatedAt) {
        return new OrderLog.Order(id, status, createdAt, updatedAt, null);
    }
}
