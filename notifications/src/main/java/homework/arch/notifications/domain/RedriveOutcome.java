package homework.arch.notifications.domain;

/** What one more try of a parked record came to. */
public enum RedriveOutcome {
    /** Handled: its letter was written now. The record is marked re-driven. */
    REDRIVEN,
    /** Handled, but its event had been handled before (delivered again meanwhile): no letter now. Marked re-driven. */
    ALREADY_HANDLED,
    /** Failed again, for the reason given: it stays parked, with that reason. */
    STILL_FAILING
}
