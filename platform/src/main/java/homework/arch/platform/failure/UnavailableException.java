package homework.arch.platform.failure;

/** A dependency this request needs did not answer: safe to retry with the same request. */
public class UnavailableException extends DomainException {

    public UnavailableException(String dependency, Throwable cause) {
        super(Kind.UNAVAILABLE, "dependency-unavailable", dependency + " unavailable",
                dependency + " did not answer; nothing was changed, retry the same request");
        initCause(cause);
    }
}
