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
    void payingSettlesItOnce() {
        Order order = pending();
        order.pay(T1);
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(T1, order.updatedAt());
        assertThrows(IllegalOrderTransitionException.class, () -> order.pay(T1));
        assertThrows(IllegalOrderTransitionException.class, () -> order.cancel(T1));
        assertEquals(OrderStatus.PAID, order.status());
    }

    @Test
    void cancellingSettlesItOnce() {
        Order order = pending();
        order.cancel(T1);
        assertEquals(OrderStatus.CANCELLED, order.status());
        IllegalOrderTransitionException refused = assertThrows(IllegalOrderTransitionException.class,
                () -> order.pay(T1));
        assertTrue(refused.getMessage().contains("CANCELLED"));
        assertEquals(OrderStatus.CANCELLED, order.status());
    }

    @Test
    void aPriceMustBePositiveAndHaveAtMostTwoDecimals() {
        UUID id = UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> Order.place(id, id, "a@b.c", BigDecimal.ZERO, T0, null));
        assertThrows(ArithmeticException.class, () -> Order.place(id, id, "a@b.c", new BigDecimal("1.001"), T0, null));
    }

    @Test
    void sameContentComparesUserAndPriceByValue() {
        Order order = pending();
        assertTrue(order.sameContent(order.userId(), new BigDecimal("12.500")));
        assertFalse(order.sameContent(order.userId(), new BigDecimal("12.51")));
        assertFalse(order.sameContent(UUID.randomUUID(), new BigDecimal("12.50")));
    }
}
