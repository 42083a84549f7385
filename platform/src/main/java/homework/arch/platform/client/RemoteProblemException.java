package homework.arch.platform.client;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Another service refused a request with a problem answer (a 4xx other than 408 and 429): it
 * answered, so retrying the same request cannot help, and a circuit breaker does not count it.
 */
public class RemoteProblemException extends RuntimeException {

    private final int status;
    private final String type;

    public RemoteProblemException(int status, String type, String detail) {
        super("HTTP " + status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    /** The problem type URI, {@code about:blank} when the answer had none. */
    public String type() {
        return type;
    }

    /** Whether the problem type names this rule ({@code insufficient-funds}). */
    public boolean is(String slug) {
        return type.endsWith("/" + slug);
    }

    public boolean notFound() {
        return status == 404;
    }

    /** What {@code call} answers, or empty when the other service answered that it has no such thing (404). */
    public static <T> Optional<T> emptyIfNotFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RemoteProblemException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
