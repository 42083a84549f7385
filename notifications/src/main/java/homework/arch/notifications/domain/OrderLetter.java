package homework.arch.notifications.domain;

/**
 * The text of the letter about a settled order: which order, what price, what happened. A cancelled
 * order's reason is the balance: billing refuses a withdrawal for insufficient funds, or for want of
 * an account, which cannot have had a deposit either.
 */
record OrderLetter(NotificationType type, String subject, String body) {

    static OrderLetter of(SettledOrder order) {
        String price = order.price().toPlainString();
        NotificationType type = order.outcome().letterType();
        return switch (order.outcome()) {
            case PAID -> new OrderLetter(type,
                    "Your order " + order.orderId() + " is paid",
                    "Good news! We charged " + price + " for your order " + order.orderId()
                            + " and it is on its way. Thank you for your purchase.");
            case CANCELLED -> new OrderLetter(type,
                    "Your order " + order.orderId() + " was cancelled",
                    "Sorry: your order " + order.orderId() + " for " + price
                            + " was cancelled because your balance was too low. No money was taken;"
                            + " top up your account and order again.");
        };
    }
}
