package homework.arch.billing.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.Pages.ids;
import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@HelidonTest
class AccountResourceTest {

    private static final Map<String, String> DB = TestDatabase.forService("billing");
    private static final String OPENED = "billing_accounts_opened_total";

    @AddConfigSource
    static ConfigSource database() {
        return TestDatabase.configSource(DB);
    }

    @Inject
    WebTarget target;

    TestHttp http;
    UUID user;

    @BeforeEach
    void openAccount() {
        http = new TestHttp(target.getUri());
        user = UUID.randomUUID();
        TestHttp.Reply opened = http.post("/internal/billing/accounts", "{\"userId\":\"" + user + "\"}");
        assertThat(opened.toString(), opened.status(), is(201));
        assertThat(opened.header("Location").orElse(""), endsWith("/billing/accounts/" + user));
    }

    @Test
    void openingIsIdempotentAndStartsAtZero() {
        TestHttp.Reply again = http.post("/internal/billing/accounts", "{\"userId\":\"" + user + "\"}");
        assertThat(again.status(), is(200));
        assertThat(again.json().get("balance").decimalValue().signum(), is(0));
        TestHttp.Reply account = http.get(accounts());
        assertThat(account.status(), is(200));
        assertThat(account.json().get("userId").asText(), is(user.toString()));
        assertThat(account.json().get("balance").asText(), is("0.00"));
    }

    @Test
    void openingAnAccountIsCountedOnceAndOpeningItAgainNot() {
        UUID other = UUID.randomUUID();
        double before = http.metric(OPENED);
        assertThat(http.post("/internal/billing/accounts", "{\"userId\":\"" + other + "\"}").status(), is(201));
        assertThat("the account opened", http.metric(OPENED) - before, is(1.0));
        assertThat(http.post("/internal/billing/accounts", "{\"userId\":\"" + other + "\"}").status(), is(200));
        assertThat("the same account opened again", http.metric(OPENED) - before, is(1.0));
    }

    @Test
    void everyMovementIsCountedOnceByTypeAndOutcomeAndAReplayAsReplayed() {
        Map<String, Double> before = movementCounts(http);
        assertThat(http.post(accounts() + "/deposits", "{\"amount\": 10}").status(), is(200));
        assertThat(countedSince(http, before), is(Map.of("DEPOSIT moved", 1.0)));

        before = movementCounts(http);
        assertProblem(http.post(accounts() + "/withdrawals", "{\"amount\": 10.01}"), 409, "insufficient-funds");
        assertThat("a refusal without a key", countedSince(http, before), is(Map.of("WITHDRAWAL refused", 1.0)));

        Map<String, String> refusedKey = Map.of("Idempotency-Key", "refused-" + UUID.randomUUID());
        before = movementCounts(http);
        assertProblem(http.post(accounts() + "/withdrawals", "{\"amount\": 10.01}", refusedKey), 409,
                "insufficient-funds");
        assertThat("a refusal with a key", countedSince(http, before), is(Map.of("WITHDRAWAL refused", 1.0)));
        before = movementCounts(http);
        assertProblem(http.post(accounts() + "/withdrawals", "{\"amount\": 10.01}", refusedKey), 409,
                "insufficient-funds");
        assertThat("the refusal answered again", countedSince(http, before), is(Map.of("WITHDRAWAL replayed", 1.0)));

        Map<String, String> movedKey = Map.of("Idempotency-Key", "moved-" + UUID.randomUUID());
        before = movementCounts(http);
        assertThat(http.post(accounts() + "/withdrawals", "{\"amount\": 4}", movedKey).status(), is(200));
        assertThat("a withdrawal with a key", countedSince(http, before), is(Map.of("WITHDRAWAL moved", 1.0)));
        before = movementCounts(http);
        assertThat(http.post(accounts() + "/withdrawals", "{\"amount\": 4}", movedKey).status(), is(200));
        assertThat("the withdrawal answered again", countedSince(http, before), is(Map.of("WITHDRAWAL replayed", 1.0)));

        before = movementCounts(http);
        assertProblem(http.post(accounts() + "/withdrawals", "{\"amount\": 5}", movedKey), 422, "idempotency-key-reused");
        assertProblem(http.post("/billing/accounts/" + UUID.randomUUID() + "/deposits", "{\"amount\": 1}"), 404,
                "not-found");
        assertThat("a reused key and no account: no movement", countedSince(http, before), is(Map.of()));
        assertThat(http.get(accounts()).json().get("balance").asText(), is("6.00"));
    }

    @Test
    void unknownAccountIs404Problem() {
        TestHttp.Reply reply = http.get("/billing/accounts/" + UUID.randomUUID());
        assertProblem(reply, 404, "not-found");
        assertProblem(http.post("/billing/accounts/" + UUID.randomUUID() + "/deposits", "{\"amount\":1}"), 404, "not-found");
        assertProblem(http.post("/billing/accounts/" + UUID.randomUUID() + "/withdrawals", "{\"amount\":1}"), 404,
                "not-found");
        assertProblem(http.get("/billing/accounts/" + UUID.randomUUID() + "/transactions"), 404, "not-found");
    }

    @Test
    void depositThenWithdrawMovesExactMoneyAndTheLedgerShowsItNewestFirst() {
        TestHttp.Reply deposit = http.post(accounts() + "/deposits", "{\"amount\": 100.10}");
        assertThat(deposit.toString(), deposit.status(), is(200));
        assertThat(deposit.json().get("balance").asText(), is("100.10"));
        UUID order = UUID.randomUUID();
        TestHttp.Reply withdrawal = http.post(accounts() + "/withdrawals",
                "{\"amount\": 0.10, \"orderId\": \"" + order + "\"}");
        assertThat(withdrawal.toString(), withdrawal.status(), is(200));
        assertThat(withdrawal.json().get("balance").asText(), is("100.00"));
        assertThat(withdrawal.json().get("transaction").get("orderId").asText(), is(order.toString()));

        JsonNode ledger = http.get(accounts() + "/transactions").json();
        assertThat(ledger.size(), is(2));
        assertThat(ledger.get(0).get("type").asText(), is("WITHDRAWAL"));
        assertThat(ledger.get(0).get("amount").asText(), is("0.10"));
        assertThat(ledger.get(0).get("balanceAfter").asText(), is("100.00"));
        assertThat(ledger.get(0).get("orderId").asText(), is(order.toString()));
        assertThat(ledger.get(1).get("type").asText(), is("DEPOSIT"));
        assertThat(ledger.get(1).has("orderId"), is(false));
        assertThat(ledger.get(1).get("createdAt").asText(), endsWith("Z"));
    }

    @Test
    void aLedgerOfThousandsOfEntriesIsReadToTheEndThroughTheNextLinksEachOnceNewestFirst() {
        List<String> seeded = seedLedger(user, 1500);
        TestHttp.Reply first = http.get(accounts() + "/transactions?limit=111");
        assertThat(ids(first.json()), is(seeded.subList(0, 111)));
        // A movement made meanwhile is the newest: on no later page of the walk that already began.
        assertThat(http.post(accounts() + "/deposits", "{\"amount\": 5}").status(), is(200));
        List<String> rest = ids(Pages.walk(http, first.nextLink().orElseThrow(), 111));
        assertThat(rest, is(seeded.subList(111, seeded.size())));

        List<JsonNode> all = Pages.walk(http, accounts() + "/transactions", 50);
        assertThat(all.size(), is(1501));
        assertThat(all.getFirst().get("amount").asText(), is("5.00"));
        assertThat(ids(all.subList(1, all.size())), is(seeded));
    }

    @Test
    void aLaterPageOfTheLedgerIsReadFromTheIndexWithoutASort() {
        seedLedger(user, 2000);
        for (int i = 0; i < 10; i++) {
            seedLedger(UUID.fromString(newAccount(http).replaceFirst(".*/", "")), 1000);
        }
        String plan = Pages.explainLaterPage(DB, "ledger_entries", "user_id", user, 1000, 50);
        System.out.println("[billing] EXPLAIN (ANALYZE, BUFFERS) of a later page of 2000 entries among 12000:\n" + plan);
        assertThat(plan, plan.contains("Index Scan using ledger_entries_by_account_newest_first on ledger_entries"), is(true));
        assertThat(plan, plan.contains("(ROW(created_at, id) < ROW("), is(true));
        assertThat(plan, plan.contains("Sort"), is(false));
    }

    @Test
    void badPagingInputIsABadRequestNamingTheParameter() {
        Pages.assertBadPagingRefused(http, accounts() + "/transactions");
        Pages.assertBadPagingRefused(http, "/billing/accounts/" + UUID.randomUUID() + "/transactions");
    }

    @Test
    void withdrawingMoreThanTheBalanceIs409AndChangesNothing() {
        http.post(accounts() + "/deposits", "{\"amount\": 10}");
        assertProblem(http.post(accounts() + "/withdrawals", "{\"amount\": 10.01}"), 409, "insufficient-funds");
        assertThat(http.get(accounts()).json().get("balance").asText(), is("10.00"));
        assertThat(http.get(accounts() + "/transactions").json().size(), is(1));

        TestHttp.Reply exact = http.post(accounts() + "/withdrawals", "{\"amount\": 10}");
        assertThat(exact.status(), is(200));
        assertThat(exact.json().get("balance").asText(), is("0.00"));
    }

    @Test
    void aDepositCannotPassTheBalanceLimit() {
        for (int i = 0; i < 999; i++) {
            assertThat(http.post(accounts() + "/deposits", "{\"amount\": 1000000000}").status(), is(200));
        }
        Map<String, Double> before = movementCounts(http);
        assertProblem(http.post(accounts() + "/deposits", "{\"amount\": 1000000000}"), 409, "balance-limit-exceeded");
        assertThat(countedSince(http, before), is(Map.of("DEPOSIT refused", 1.0)));
        assertThat(http.get(accounts()).json().get("balance").asText(), is("999000000000.00"));
    }

    @Test
    void theOpenApiDocumentAndUiAreServed() {
        TestHttp.Reply document = http.get("/openapi");
        assertThat(document.toString(), document.status(), is(200));
        assertThat(document.text().contains("/billing/accounts/{userId}/withdrawals"), is(true));
        TestHttp.Reply ui = http.followingRedirects().get("/openapi/ui");
        assertThat(ui.status(), is(200));
        assertThat(ui.contentType(), startsWith("text/html"));
    }

    @Test
    void theServedOpenApiDocumentIsTheCommittedContract() {
        OpenApiContract.assertServedEquals(target.getUri(), "billing");
    }

    @Test
    void everyBodyTheDocumentDeclaresIsRefusedAsItSays() {
        OpenApiContract.assertDeclaredRefusalsAnswered(target.getUri());
    }

    @Test
    void healthAndMetricsAnswer() {
        assertThat(http.get("/health/live").toString(), http.get("/health/live").status(), is(200));
        TestHttp.Reply ready = http.get("/health/ready");
        assertThat(ready.toString(), ready.status(), is(200));
        assertThat(ready.text().contains("database"), is(true));
        assertThat(http.get("/metrics").status(), is(200));
    }

    /** Deposits of 1.00 written straight into the ledger of {@code account}; their ids newest first. */
    private static List<String> seedLedger(UUID account, int count) {
        return Pages.seed(DB, "ledger_entries", "user_id", account, count, Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("type", "'DEPOSIT'", "amount", "1.00", "balance_after", "1.00"))
                .stream().map(UUID::toString).toList();
    }

    /**
     * The movement counters of {@code /metrics} by type and what this request did ({@code "DEPOSIT
     * moved"}, {@code "WITHDRAWAL refused"}, {@code "WITHDRAWAL replayed"}, ...).
     */
    static Map<String, Double> movementCounts(TestHttp http) {
        TestHttp.Reply metrics = http.get("/metrics", Map.of("Accept", "text/plain"));
        assertThat(metrics.toString(), metrics.status(), is(200));
        Map<String, Double> counts = new TreeMap<>();
        for (String type : List.of("DEPOSIT", "WITHDRAWAL")) {
            for (String outcome : List.of("moved", "refused")) {
                counts.put(type + " " + outcome,
                        metrics.metric("billing_movements_total", Map.of("type", type, "outcome", outcome)));
            }
            counts.put(type + " replayed", metrics.metric("billing_movements_replayed_total", Map.of("type", type)));
        }
        return counts;
    }

    /** The movement counters that moved since {@code before} ({@link #movementCounts}), by how much. */
    static Map<String, Double> countedSince(TestHttp http, Map<String, Double> before) {
        Map<String, Double> moved = new TreeMap<>();
        movementCounts(http).forEach((counter, count) -> {
            if (count - before.get(counter) != 0) {
                moved.put(counter, count - before.get(counter));
            }
        });
        return moved;
    }

    private String accounts() {
        return "/billing/accounts/" + user;
    }

    /** Opens the account of a new user, as users does, and returns its path. */
    static String newAccount(TestHttp http) {
        UUID user = UUID.randomUUID();
        assertThat(http.post("/internal/billing/accounts", "{\"userId\":\"" + user + "\"}").status(), is(201));
        return "/billing/accounts/" + user;
    }


    static void assertFieldError(TestHttp.Reply reply, String field) {
        assertProblem(reply, 400, "validation");
        JsonNode errors = reply.json().get("errors");
        assertThat(reply.toString(), errors.findValuesAsText("field").contains(field), is(true));
    }
}
