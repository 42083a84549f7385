package homework.arch.users.client;

/** billing answered with a server error: worth retrying. */
public class BillingUnavailableException extends RuntimeException {

    public BillingUnavailableException(String message) {
        super(message);
    }
}
