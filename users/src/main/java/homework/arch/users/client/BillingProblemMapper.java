package homework.arch.users.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import homework.arch.platform.json.JsonMapperProvider;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns billing's problem+json error responses into typed exceptions. */
public class BillingProblemMapper implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        String message = "billing answered " + response.getStatus() + ": " + detail(response);
        if (response.getStatus() >= 500 || response.getStatus() == 429) {
            return new BillingUnavailableException(message);
        }
        return new BillingRejectedException(message);
    }

    private static String detail(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode problem = JsonMapperProvider.mapper().readTree(body);
            return problem.path("type").asText("") + " " + problem.path("detail").asText(body);
        } catch (RuntimeException | java.io.IOException e) {
            return "(no readable problem body)";
        }
    }
}
