package homework.arch.platform.failure;

/**
 * An expected failure that the client is told about: a rule refused the request, the thing asked
 * for does not exist, or a dependency did not answer. It names its rule ({@code slug}, a stable
 * problem type) and its kind; which HTTP status a kind is decided once, by the problem mapper of
 * the HTTP layer ({@code homework.arch.platform.problem.DomainExceptionMapper}), so nothing below the
 * API knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of failure: the HTTP layer maps each kind to one status. */
    public enum Kind {
        /** A value the client sent is not one the request accepts; the same request will fail again. */
        INVALID,
        /** The resource asked for does not exist. */
        NOT_FOUND,
        /** The request contradicts the current state. */
        CONFLICT,
        /** The request is well-formed but cannot be processed as sent. */
        UNPROCESSABLE,
        /** A dependency did not answer; the same request may be retried. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String slug;
    private final String title;

    protected DomainException(Kind kind, String slug, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable name of the rule, the last segment of the problem type. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
