package homework.arch.platform.problem;

import jakarta.ws.rs.core.Response;

/** A dependency this request needs did not answer: 503, safe to retry with the same request. */
public class UnavailableException extends ApiException {

    public UnavailableException(String dependency, Throwable cause) {
        super(Response.Status.SERVICE_UNAVAILABLE, "dependency-unavailable", dependency + " unavailable",
                dependency + " did not answer; nothing was changed, retry the same request");
        initCause(cause);
    }
}
