package homework.arch.users.api;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * users with nothing listening at billing's address: input is checked before billing is called,
 * and when billing is needed the request is a 503 with nothing stored.
 */
@HelidonTest
class UsersWithoutBillingTest {

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new java.util.HashMap<>(TestDatabase.forService("users"));
        settings.put("billing.url", "http://127.0.0.1:" + Ports.free());
        return TestDatabase.configSource(settings);
    }

    @Inject
    WebTarget target;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void billingDownIs503AndNoUserIsStored() {
        UUID id = UUID.randomUUID();
        double registered = http.metric("users_registered_total");
        TestHttp.Reply reply = http.post("/users",
                "{\"id\":\"" + id + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
        assertProblem(reply, 503, "dependency-unavailable");
        assertThat("a 503 says when to retry", reply.header("Retry-After").orElse(""), is("1"));
        assertProblem(http.get("/users/" + id), 404, "not-found");
        assertProblem(http.get("/internal/users/" + id), 404, "not-found");
        assertThat("no user stored, none counted", http.metric("users_registered_total") - registered, is(0.0));
    }

    @Test
    void answersAreCountedByStatusClassAndTheBreakerToBillingOpens() {
        Map<String, String> billing = Map.of("target", "billing");
        TestHttp.Reply metrics = http.get("/metrics", Map.of("Accept", "text/plain"));
        assertThat("one breaker gauge, for the service users calls", metrics.samples("remote_circuit_open", billing),
                hasSize(1));
        double serverErrors = http.metric("api_responses_total", Map.of("status_class", "5xx"));
        double clientErrors = http.metric("api_responses_total", Map.of("status_class", "4xx"));
        for (int i = 0; i < 10; i++) {
            assertProblem(http.post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"), 503,
                    "dependency-unavailable");
        }
        assertProblem(http.post("/users", "{\"name\":"), 400, "malformed-json");
        assertThat(http.metric("api_responses_total", Map.of("status_class", "5xx")) - serverErrors, is(10.0));
        assertThat(http.metric("api_responses_total", Map.of("status_class", "4xx")) - clientErrors, is(1.0));
        assertThat("the breaker opened after the failed calls", http.metric("remote_circuit_open", billing), is(1.0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"a@example.com\"}                          | name",
            "{\"name\":\"\",\"email\":\"a@example.com\"}            | name",
            "{\"name\":\"   \",\"email\":\"a@example.com\"}         | name",
            "{\"name\":5,\"email\":\"a@example.com\"}               | name",
            "{\"name\":\"Ada\"}                                     | email",
            "{\"name\":\"Ada\",\"email\":\"not-an-email\"}          | email",
            "{\"name\":\"Ada\",\"email\":\"a@b\"}                   | email",
            "{\"name\":\"Ada\",\"email\":[\"a@example.com\"]}       | email",
            "{\"id\":\"nope\",\"name\":\"Ada\",\"email\":\"a@example.com\"} | id",
            "{\"id\":7,\"name\":\"Ada\",\"email\":\"a@example.com\"} | id",
            "{\"name\":\"Ada\",\"email\":\"a@example.com\",\"admin\":true} | admin",
            "[]                                                     | body",
            "{\"name\":\"A\\u0000da\",\"email\":\"a@example.com\"}   | name",
            "{\"name\":\"\\ud800x\",\"email\":\"a@example.com\"}     | name",
            "{\"name\":\"Ada\",\"email\":\"a\\udc00@example.com\"}   | email",
            "{\"name\":\"Ada\",\"name\":\"Bob\",\"email\":\"a@example.com\"} | name",
    })
    void badBodiesAre400NamingTheField(String body, String field) {
        TestHttp.Reply reply = http.post("/users", body);
        assertProblem(reply, 400, "validation");
        assertThat(reply.toString(), reply.json().get("errors").findValuesAsText("field").contains(field), is(true));
    }

    @Test
    void aNameOfMoreThan200CharactersIs400() {
        TestHttp.Reply reply = http.post("/users",
                "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@example.com\"}");
        assertProblem(reply, 400, "validation");
    }

    @Test
    void malformedAndOversizedBodiesAre4xx() {
        assertProblem(http.post("/users", "{\"name\":"), 400, "malformed-json");
        assertProblem(http.post("/users", "{\"name\":\"" + "n".repeat(70_000) + "\"}"), 413, "payload-too-large");
    }

    @Test
    void nonUuidIdsAre400AndUnknownUsers404() {
        TestHttp.Reply reply = http.get("/users/not-a-uuid");
        assertProblem(reply, 400, "validation");
        assertThat(reply.json().get("errors").get(0).get("field").asText(), is("id"));
        assertProblem(http.get("/internal/users/123"), 400, "validation");
        assertProblem(http.get("/users/" + UUID.randomUUID()), 404, "not-found");
    }

    @ParameterizedTest
    @CsvSource({"/users//", "/nowhere", "/users//x", "/users/" + "00000000-0000-0000-0000-000000000000/x",
            "/openapi/nowhere", "/health/nowhere"})
    void pathsNoResourceMatchesAreNotFoundProblems(String path) {
        assertProblem(http.get(path), 404, "not-found");
        assertProblem(http.get("/users/"), 405, "method-not-allowed");
    }

    @Test
    void healthOpenApiAndMetrics() {
        assertThat(http.get("/health/ready").status(), is(200));
        assertThat(http.get("/metrics").status(), is(200));
        TestHttp.Reply ui = http.followingRedirects().get("/openapi/ui");
        assertThat(ui.status(), is(200));
        assertThat(ui.contentType(), startsWith("text/html"));
        OpenApiContract.assertServedEquals(target.getUri(), "users");
    }

    @Test
    void everyBodyTheDocumentDeclaresIsRefusedAsItSays() {
        OpenApiContract.assertDeclaredRefusalsAnswered(target.getUri());
    }
}
