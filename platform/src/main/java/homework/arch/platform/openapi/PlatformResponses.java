package homework.arch.platform.openapi;

import homework.arch.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares once what every error response of every service is: an {@code application/problem+json}
 * body of schema {@code Problem}. An operation documents an error response by its status and a
 * description only ({@code @APIResponse(responseCode = "404", description = "No such user")}); this
 * filter adds the content to each 4xx and 5xx response that declares none.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                operation.getResponses().getAPIResponses().forEach(ProblemResponses::addProblemContent);
            }
        }
    }

    private static void addProblemContent(String status, APIResponse response) {
        boolean error = status.startsWith("4") || status.startsWith("5");
        if (error && response.getRef() == null
                && (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty())) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        }
    }
}
