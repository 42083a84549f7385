package homework.arch.notifications.domain;

/** What a letter is about. */
public enum NotificationType {
    /** The "happy" letter: the order was paid. */
    ORDER_PAID,
    /** The "sad" letter: the order was cancelled for insufficient funds. */
    ORDER_CANCELLED,
    /** A message sent through {@code POST /notifications}. */
    MESSAGE
}
