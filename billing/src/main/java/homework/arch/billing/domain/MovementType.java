package homework.arch.billing.domain;

/** The two ways money moves through an account. */
public enum MovementType {
    DEPOSIT,
    WITHDRAWAL
}
