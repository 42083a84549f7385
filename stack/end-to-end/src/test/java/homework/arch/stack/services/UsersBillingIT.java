package homework.arch.stack.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * users against the real billing service, both run from their built jars as separate JVMs, each
 * on its own database. billing is first down (users answers 503 and stores nothing), then started
 * on the address users was configured with.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersBillingIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of("target", "it-logs", "users");
    private static final int BILLING_PORT = Ports.free();
    private static ServiceProcess usersService;
    private static ServiceProcess billing;

    @BeforeAll
    static void startUsers() {
        Map<String, String> env = TestDatabase.environment(TestDatabase.forService("users"));
        env.put("BILLING_URL", "http://127.0.0.1:" + BILLING_PORT);
        usersService = ServiceProcess.startService("users", Ports.free(), env, LOGS, START);
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess process : new ServiceProcess[] {usersService, billing}) {
            if (process != null) {
                process.stop();
            }
        }
    }

    @Test
    @Order(1)
    void whileBillingIsDownRegistrationIs503ThenTheSameRequestSucceedsOnceBillingRuns() {
        TestHttp users = new TestHttp(usersService.uri());
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Grace\",\"email\":\"grace@example.com\"}";

        assertProblem(users.post("/users", body), 503, "dependency-unavailable");
        assertProblem(users.get("/users/" + id), 404, "not-found");

        TestHttp billingApi = startBilling();
        TestHttp.Reply created = users.post("/users", body);
        assertThat(created.toString(), created.status(), is(201));
        assertThat(created.header("Location").orElseThrow().endsWith("/users/" + id), is(true));
        TestHttp.Reply account = billingApi.get("/billing/accounts/" + id);
        assertThat(account.toString(), account.status(), is(200));
        assertThat(account.json().get("balance").asText(), is("0.00"));
    }

    @Test
    @Order(2)
    void registrationIsIdempotentOnTheIdAndAConflictingReRegistrationIs409() {
        TestHttp users = new TestHttp(usersService.uri());
        startBilling();
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
        TestHttp.Reply first = users.post("/users", body);
        assertThat(first.toString(), first.status(), is(201));
        TestHttp.Reply again = users.post("/users", body);
        assertThat(again.status(), is(200));
        assertThat(again.json(), is(first.json()));
        assertProblem(users.post("/users", "{\"id\":\"" + id + "\",\"name\":\"Ada\",\"email\":\"ada@example.org\"}"),
                409, "user-conflict");

        TestHttp.Reply read = users.get("/users/" + id);
        assertThat(read.json(), is(first.json()));
        assertThat(users.get("/internal/users/" + id).json(), is(first.json()));
    }

    @Test
    @Order(3)
    void anOmittedIdIsGenerated() {
        TestHttp users = new TestHttp(usersService.uri());
        TestHttp billingApi = startBilling();
        TestHttp.Reply created = users.post("/users", "{\"name\":\"Linus\",\"email\":\"linus@example.com\"}");
        assertThat(created.toString(), created.status(), is(201));
        String id = created.json().get("id").asText();
        assertThat(UUID.fromString(id).toString(), is(id));
        assertThat(billingApi.get("/billing/accounts/" + id).status(), is(200));
    }

    @Test
    @Order(4)
    void concurrentRegistrationsOfOneIdCreateItOnceAndNeverFail() throws Exception {
        TestHttp users = new TestHttp(usersService.uri());
        startBilling();
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Barbara\",\"email\":\"barbara@example.com\"}";
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<TestHttp.Reply>> replies = IntStream.range(0, 12)
                    .mapToObj(i -> pool.submit(() -> users.post("/users", body))).toList();
            statuses = new java.util.ArrayList<>();
            for (Future<TestHttp.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
        }
        assertThat(statuses.toString(), statuses.stream().filter(s -> s == 201).count(), is(1L));
        assertThat(statuses.toString(), statuses.stream().filter(s -> s == 200).count(), is(11L));
    }

    @Test
    @Order(5)
    void textTheDatabaseCannotStoreIs400AndLeavesNoBillingAccountBehind() {
        TestHttp users = new TestHttp(usersService.uri());
        TestHttp billingApi = startBilling();
        for (String name : List.of("A\\u0000da", "\\ud800x")) {
            UUID id = UUID.randomUUID();
            TestHttp.Reply refused = users.post("/users",
                    "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"email\":\"ada@example.com\"}");
            assertProblem(refused, 400, "validation");
            assertThat(refused.toString(), refused.json().get("errors").get(0).get("field").asText(), is("name"));
            assertThat(billingApi.get("/billing/accounts/" + id).status(), is(404));
            assertThat(users.get("/users/" + id).status(), is(404));
        }
    }

    private static synchronized TestHttp startBilling() {
        if (billing == null) {
            Map<String, String> env = TestDatabase.environment(TestDatabase.forService("billing"));
            billing = ServiceProcess.startService("billing", BILLING_PORT, env, LOGS, START);
        }
        return new TestHttp(billing.uri());
    }
}
