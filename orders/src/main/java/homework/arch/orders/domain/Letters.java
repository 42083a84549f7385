package homework.arch.orders.domain;

/**
 * Style 1 only: stores the letter about a settled order with notifications, at most once per order
 * however often it is asked. False when notifications gave no answer: the order then stays
 * {@code PENDING}, and the settler asks again.
 */
public interface Letters {

    boolean store(Order settled);
}
