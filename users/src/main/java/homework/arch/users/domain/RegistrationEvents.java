package homework.arch.users.domain;

/**
 * Tells the other services that a user registered, in the transaction that stores the user: in
 * event collaboration a {@code UserRegistered} event through users' outbox (billing opens the
 * account from it, orders keeps the e-mail); in the other styles nobody listens.
 */
public interface RegistrationEvents {

    /** {@code user} was stored now, in the caller's transaction. */
    void registered(User user);
}
