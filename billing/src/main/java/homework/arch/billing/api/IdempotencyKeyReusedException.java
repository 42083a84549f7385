package homework.arch.billing.api;

import jakarta.ws.rs.core.Response;
import homework.arch.platform.problem.ApiException;

/** An {@code Idempotency-Key} sent again with a different request: 422, nothing done. */
public class IdempotencyKeyReusedException extends ApiException {

    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    public IdempotencyKeyReusedException(String key) {
        super(UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key " + key + " was already used for a different request");
    }
}
