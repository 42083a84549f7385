package homework.arch.platform.problem;

import jakarta.ws.rs.core.Response;

/** A resource that does not exist: 404. */
public class NotFoundException extends ApiException {

    public NotFoundException(String what, Object id) {
        super(Response.Status.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }
}
