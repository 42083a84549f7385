package homework.arch.platform.web;

import java.net.URI;

import homework.arch.platform.idempotency.Stored;
import jakarta.ws.rs.core.Response;

/** The answers of a create that the client may repeat under its id. */
public final class Answers {

    private Answers() {
    }

    /** {@code 201} with the new resource's {@code Location}, or {@code 200} when an earlier request created it. */
    public static Response createdOrFound(Stored<?> body, URI location) {
        return body.created() ? Response.created(location).entity(body.value()).build()
                : Response.ok(body.value()).build();
    }
}
