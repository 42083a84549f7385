package homework.arch.users.client;

/** billing refused the request itself (a 4xx): retrying the same request cannot help. */
public class BillingRejectedException extends RuntimeException {

    public BillingRejectedException(String message) {
        super(message);
    }
}
