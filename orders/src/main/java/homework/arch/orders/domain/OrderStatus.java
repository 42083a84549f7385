package homework.arch.orders.domain;

/** Where an order is in its life: {@code PENDING} until billing has answered, then final. */
public enum OrderStatus {
    PENDING,
    PAID,
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
