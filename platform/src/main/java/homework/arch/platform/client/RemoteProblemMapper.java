package homework.arch.platform.client;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.platform.json.JsonMapperProvider;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns an error answer of another service (problem+json, RFC 9457) into a typed exception: a
 * {@link RemoteProblemException} when it refused the request, a {@link RemoteFailureException} when
 * it could not give an outcome. Registered on every REST client interface.
 */
public class RemoteProblemMapper implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        JsonNode problem = problem(response);
        String type = problem.path("type").asText("about:blank");
        String detail = problem.path("detail").asText(response.getStatusInfo().getReasonPhrase());
        int status = response.getStatus();
        if (status >= 500 || status == 408 || status == 429) {
            return new RemoteFailureException(status, type, detail);
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
