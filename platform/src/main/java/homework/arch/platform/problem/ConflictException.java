package homework.arch.platform.problem;

import jakarta.ws.rs.core.Response;

/** A request that contradicts the current state: 409, with a type that names the rule. */
public class ConflictException extends ApiException {

    public ConflictException(String slug, String title, String detail) {
        super(Response.Status.CONFLICT, slug, title, detail);
    }
}
