package homework.arch.orders.client;

/** Billing's answer to an order's withdrawal. */
public enum WithdrawalOutcome {
    /** The price was taken. */
    WITHDRAWN,
    /** The balance is lower than the price; no money moved. */
    INSUFFICIENT_FUNDS,
    /** Billing has no account for the user; no money moved. */
    NO_ACCOUNT
}
