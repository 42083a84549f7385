package homework.arch.platform.client;

/**
 * Another service answered without an outcome (a 5xx, 408 or 429) or did not answer in time
 * ({@link RemoteCalls}). Like a connection that failed, it means the request could not be asked;
 * {@link RemoteCalls} turns it into an {@code UnavailableException}.
 */
public class RemoteFailureException extends RuntimeException {

    public RemoteFailureException(int status, String type, String detail) {
        super("HTTP " + status + " " + type + ": " + detail);
    }

    public RemoteFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
