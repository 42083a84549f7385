package homework.arch.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3);

    private static Order pending() {
        return Order.place(UUID.randomUUID(), UUID.randomUUID(), "a@example.com", new BigDecimal("12.5"), T0, null);
    }

    @Test
    void aNewOrderIsPendingWithItsPriceInCents() {
        Order order = pending();
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(new BigDecimal("12.50"), order.price());
        assertEquals(T0, order.createdAt());
        assertEquals(T0, order.updatedAt());
    }

    @Test
    void billingsAnswerSettlesAPendingOrderIntoANewObject() {
        Order order = pending();
        Order paid = order.settled(OrderStatus.PAID, T1);
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(T1, paid.updatedAt());
        assertEquals(order.createdAt(), paid.createdAt());
        assertEquals(order.price(), paid.price());
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(T0, order.updatedAt());
    }

    @Test
    void aSettledOrderIsNeverSettledAgain() {
        Order cancelled = pending().settled(OrderStatus.CANCELLED, T1);
        IllegalOrderTransitionException refused = assertThrows(IllegalOrderTransitionException.class,
                () -> cancelled.settled(OrderStatus.PAID, T1));
        assertTrue(refused.getMessage().contains("CANCELLED"));
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
        assertTrue(order.sameContent(order.userId(), new BigDecimal("12.500")));
        assertFalse(order.sameContent(order.userId(), new BigDecimal("12.51")));
        assertFalse(order.sameContent(UUID.randomUUID(), new BigDecimal("12.50")));
    }
}
