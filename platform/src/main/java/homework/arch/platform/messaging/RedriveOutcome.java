package homework.arch.platform.messaging;

/** What one more try of a parked record came to. */
public enum RedriveOutcome {
    /** Handled: its effect (a letter, an account, a payment) happened now. The record is marked re-driven. */
    REDRIVEN,
    /** Handled, but its event had been handled before (delivered again meanwhile): nothing happened now. Marked re-driven. */
    ALREADY_HANDLED,
    /** Failed again, for the reason given: it stays parked, with that reason. */
    STILL_FAILING
}
