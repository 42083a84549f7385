package homework.arch.orders.client;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.platform.json.JsonMapperProvider;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns an error answer of users or billing (problem+json, RFC 9457) into a typed exception. */
public class RemoteProblemMapper implements ResponseExceptionMapper<RemoteProblemException> {

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RemoteProblemException toThrowable(Response response) {
        JsonNode problem = problem(response);
        String type = problem.path("type").asText("about:blank");
        String detail = problem.path("detail").asText(response.getStatusInfo().getReasonPhrase());
        int status = response.getStatus();
        if (status == 404) {
            return new RemoteNotFoundException(type, detail);
        }
        if (status == 409 && type.endsWith("insufficient-funds")) {
            return new InsufficientFundsException(type, detail);
        }
        return new RemoteProblemException(status, type, detail);
    }

    private static JsonNode problem(Response response) {
        try {
            return JsonMapperProvider.mapper().readTree(response.readEntity(String.class));
        } catch (Exception e) {
            return JsonMapperProvider.mapper().createObjectNode();
        }
    }
}
