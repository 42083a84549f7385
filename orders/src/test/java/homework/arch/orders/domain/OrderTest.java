package homework.arch.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3);

    private static Order pending() {
        return Order.place(UUID.randomUUID(), UUID.randomUUID(), "a@example.com", new BigDecimal("12.5"), T0, null);
    }

    @Test
    void aNewOrderIsPendingWithItsPriceInCents() {
        Order order = pending();
        assertThat(order.status(), is(OrderStatus.PENDING));
        assertThat(order.price(), is(new BigDecimal("12.50")));
        assertThat(order.createdAt(), is(T0));
        assertThat(order.updatedAt(), is(T0));
    }

    @Test
    void billingsAnswerSettlesAPendingOrderIntoANewObject() {
        Order order = pending();
        Order paid = order.settled(OrderStatus.PAID, T1);
        assertThat(paid.status(), is(OrderStatus.PAID));
        assertThat(paid.updatedAt(), is(T1));
        assertThat(paid.createdAt(), is(order.createdAt()));
        assertThat(paid.price(), is(order.price()));
        assertThat(order.status(), is(OrderStatus.PENDING));
        assertThat(order.updatedAt(), is(T0));
    }

    @Test
    void aSettledOrderIsNeverSettledAgain() {
        Order cancelled = pending().settled(OrderStatus.CANCELLED, T1);
        IllegalOrderTransitionException refused = assertThrows(IllegalOrderTransitionException.class,
                () -> cancelled.settled(OrderStatus.PAID, T1));
        assertThat(refused.getMessage(), containsString("CANCELLED"));
        assertThrows(IllegalOrderTransitionException.class, () -> cancelled.settled(OrderStatus.CANCELLED, T1));
    }

    @Test
    void pendingIsNoOutcome() {
        assertThrows(IllegalArgumentException.class, () -> pending().settled(OrderStatus.PENDING, T1));
    }

    @Test
    void aPriceMustBePositiveAndHaveAtMostTwoDecimals() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> Order.place(id, id, "a@b.c", BigDecimal.ZERO, T0, null));
        assertThrows(IllegalArgumentException.class, () -> Order.place(id, id, "a@b.c", new BigDecimal("1.001"), T0, null));
    }

    @Test
    void sameContentComparesUserAndPriceByValue() {
        Order order = pending();
        assertThat(order.sameContent(order.userId(), new BigDecimal("12.500")), is(true));
        assertThat(order.sameContent(order.userId(), new BigDecimal("12.51")), is(false));
        assertThat(order.sameContent(UUID.randomUUID(), new BigDecimal("12.50")), is(false));
    }
}
