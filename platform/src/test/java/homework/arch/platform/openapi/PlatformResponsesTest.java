package homework.arch.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

class PlatformResponsesTest {

    @Test
    void anOperationWithABodyGetsTheRefusalsOfBodiesAndItsOwn503Continues() {
        Operation post = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType())))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created"))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("Users could not be asked")));
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("The thing")));

        new PlatformResponses(65536, 32).filterOpenAPI(document(post, get));

        assertThat(post.getRequestBody().getRequired(), is(true));
        APIResponses answers = post.getResponses();
        assertThat(answers.getAPIResponse("413").getDescription(), containsString("larger than 65536 bytes"));
        assertThat(answers.getAPIResponse("415").getDescription(), containsString("not sent as application/json"));
        assertThat(answers.getAPIResponse("503").getDescription(), allOf(startsWith("Users could not be asked. Also when "),
                containsString("handling 32 requests"), containsString("database")));
        assertThat(answers.getAPIResponse("503").getHeaders(), hasKey("Retry-After"));
        assertThat(answers.getAPIResponse("413").getContent().getMediaTypes(), hasKey("application/problem+json"));
        assertThat(answers.getAPIResponse("201").getContent(), nullValue());

        assertThat(get.getResponses().getAPIResponses(), not(hasKey("413")));
        assertThat(get.getResponses().getAPIResponses(), not(hasKey("415")));
        assertThat(get.getResponses().getAPIResponse("503").getDescription(), startsWith("The service was handling 32"));
    }

    @Test
    void withoutAConcurrencyLimitA503IsTheDatabaseOnly() {
        Operation get = OASFactory.createOperation().responses(OASFactory.createAPIResponses());

        new PlatformResponses(65536, 0).filterOpenAPI(document(get));

        assertThat(get.getResponses().getAPIResponse("503").getDescription(),
                allOf(startsWith("The database gave no connection in time"), not(containsString("overloaded"))));
    }

    private static OpenAPI document(Operation... operations) {
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        for (int i = 0; i < operations.length; i++) {
            document.getPaths().addPathItem("/things/" + i, i == 0
                    ? OASFactory.createPathItem().POST(operations[i]) : OASFactory.createPathItem().GET(operations[i]));
        }
        return document;
    }
}
