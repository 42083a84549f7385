package homework.arch.billing.api;

import java.util.Map;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static homework.arch.billing.api.AccountResourceTest.assertFieldError;
import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Every kind of bad input is a 4xx problem naming the field, and nothing is stored. */
@HelidonTest
class BillingValidationTest {

    @AddConfigSource
    static ConfigSource database() {
        return TestDatabase.configSource("billing");
    }

    @Inject
    WebTarget target;

    TestHttp http;
    String account;

    @BeforeEach
    void openAccountWithTen() {
        http = new TestHttp(target.getUri());
        account = AccountResourceTest.newAccount(http);
        assertThat(http.post(account + "/deposits", "{\"amount\": 10}").status(), is(200));
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(http.get(account).json().get("balance").asText(), is("10.00"));
        assertThat(http.get(account + "/transactions").json().size(), is(1));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "deposits    | {\"amount\": 0}                | amount",
            "deposits    | {\"amount\": -1}               | amount",
            "deposits    | {\"amount\": 1.001}            | amount",
            "deposits    | {\"amount\": 1000000000.01}    | amount",
            "deposits    | {\"amount\": \"5\"}            | amount",
            "deposits    | {\"amount\": true}             | amount",
            "deposits    | {}                             | amount",
            "deposits    | {\"amount\": null}             | amount",
            "deposits    | {\"amount\": 1, \"extra\": 1}  | extra",
            "deposits    | [1]                            | body",
            "withdrawals | {\"amount\": 0.001}            | amount",
            "withdrawals | {\"amount\": 1, \"orderId\": \"nope\"} | orderId",
            "withdrawals | {\"amount\": 1, \"orderId\": 5} | orderId",
            "withdrawals | {\"amount\": -5}               | amount",
    })
    void badBodiesAre400NamingTheField(String operation, String body, String field) {
        assertFieldError(http.post(account + "/" + operation, body), field);
    }

    @Test
    void malformedJsonIs400() {
        TestHttp.Reply reply = http.post(account + "/deposits", "{\"amount\": ");
        assertProblem(reply, 400, "malformed-json");
        assertProblem(http.post(account + "/deposits", "not json"), 400, "malformed-json");
    }

    @Test
    void aNumberBeyondTheParsersLimitIs400() {
        // Jackson refuses numbers of more than 1000 digits with its own exception type; it was a 500.
        assertProblem(http.post(account + "/deposits", "{\"amount\": " + "9".repeat(2000) + "}"), 400, "malformed-json");
        assertProblem(http.post(account + "/deposits", "{\"amount\": 0." + "1".repeat(2000) + "}"), 400, "malformed-json");
    }

    @Test
    void anEmptyBodyIs400() {
        assertThat(http.post(account + "/deposits", "").status(), is(400));
    }

    @Test
    void nonUuidIdsAre400() {
        assertFieldError(http.get("/billing/accounts/not-a-uuid"), "userId");
        assertFieldError(http.post("/billing/accounts/42/deposits", "{\"amount\": 1}"), "userId");
        assertFieldError(http.post("/internal/billing/accounts", "{\"userId\": \"x\"}"), "userId");
        assertFieldError(http.post("/internal/billing/accounts", "{}"), "userId");
    }

    @Test
    void badIdempotencyKeysAre400() {
        assertFieldError(http.post(account + "/deposits", "{\"amount\": 1}", Map.of("Idempotency-Key", "k".repeat(101))),
                "idempotencyKey");
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"amount\": 1, \"pad\": \"" + "x".repeat(70_000) + "\"}";
        TestHttp.Reply reply = http.post(account + "/deposits", huge);
        assertProblem(reply, 413, "payload-too-large");
    }

    @Test
    void wrongContentTypeIs415() {
        TestHttp.Reply reply = http.post(account + "/deposits", "{\"amount\": 1}", Map.of("Content-Type", "text/plain"));
        assertThat(reply.toString(), reply.status(), is(415));
        assertThat(reply.text(), containsString("unsupported-media-type"));
    }
}
