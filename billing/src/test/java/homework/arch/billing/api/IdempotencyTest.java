package homework.arch.billing.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import homework.arch.stack.fixtures.CommitCutOff;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** Idempotency-Key: the first outcome is stored and replayed; money moves once, even under concurrency. */
@HelidonTest
class IdempotencyTest {

    private static final Map<String, String> DATABASE = TestDatabase.forService("billing");

    @AddConfigSource
    static ConfigSource database() {
        return TestDatabase.configSource(DATABASE);
    }

    @Inject
    WebTarget target;

    TestHttp http;
    String account;

    @BeforeEach
    void openAccount() {
        http = new TestHttp(target.getUri());
        account = AccountResourceTest.newAccount(http);
    }

    @Test
    void aReplayReturnsTheFirstOutcomeAndMovesNoMoney() {
        TestHttp.Reply first = http.post(account + "/deposits", "{\"amount\": 50}", Map.of("Idempotency-Key", "d-1"));
        TestHttp.Reply replay = http.post(account + "/deposits", "{\"amount\": 50.00}", Map.of("Idempotency-Key", "d-1"));
        assertThat(first.status(), is(200));
        assertThat(replay.status(), is(200));
        assertThat(replay.text(), is(first.text()));
        assertThat(balance(), is("50.00"));
        assertThat(http.get(account + "/transactions").json().size(), is(1));
    }

    @Test
    void aWithdrawalWhoseCommitIsCutOffMovesNoMoneyAndItsRetryMovesItOnce() {
        // The commit of the balance, its ledger entry and the stored outcome fails as when
        // PostgreSQL crashes during it: all three are lost together, the client is told to retry,
        // and the retry with the same key withdraws once.
        http.post(account + "/deposits", "{\"amount\": 100}");
        UUID order = UUID.randomUUID();
        String body = "{\"amount\": 30, \"orderId\": \"" + order + "\"}";
        try (CommitCutOff cutOff = CommitCutOff.firstInsert(DATABASE, "ledger_entries", "NEW.order_id = '" + order + "'")) {
            Map<String, Double> before = AccountResourceTest.movementCounts(http);
            TestHttp.Reply cut = http.post(account + "/withdrawals", body, Map.of("Idempotency-Key", order.toString()));
            assertProblem(cut, 503, "dependency-unavailable");
            assertThat(cutOff.attempts(), is(1L));
            assertThat(balance(), is("100.00"));
            assertThat("nothing committed, nothing counted", AccountResourceTest.countedSince(http, before), is(Map.of()));

            TestHttp.Reply retried = http.post(account + "/withdrawals", body, Map.of("Idempotency-Key", order.toString()));
            assertThat(retried.toString(), retried.status(), is(200));
            assertThat(cutOff.attempts(), is(2L));
            assertThat(AccountResourceTest.countedSince(http, before), is(Map.of("WITHDRAWAL moved", 1.0)));
        }
        assertThat(balance(), is("70.00"));
        assertThat(http.get(account + "/transactions").json().size(), is(2));
    }

    @Test
    void anInsufficientFundsOutcomeIsReplayedTooEvenAfterTheBalanceWouldCoverIt() {
        UUID order = UUID.randomUUID();
        String body = "{\"amount\": 30, \"orderId\": \"" + order + "\"}";
        TestHttp.Reply refused = http.post(account + "/withdrawals", body, Map.of("Idempotency-Key", order.toString()));
        assertProblem(refused, 409, "insufficient-funds");
        http.post(account + "/deposits", "{\"amount\": 100}");
        TestHttp.Reply replay = http.post(account + "/withdrawals", body, Map.of("Idempotency-Key", order.toString()));
        assertProblem(replay, 409, "insufficient-funds");
        assertThat(replay.text(), is(refused.text()));
        assertThat(balance(), is("100.00"));
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndChangesNothing() {
        TestHttp.Reply first = http.post(account + "/deposits", "{\"amount\": 20}", Map.of("Idempotency-Key", "k"));
        assertProblem(http.post(account + "/deposits", "{\"amount\": 21}", Map.of("Idempotency-Key", "k")), 422,
                "idempotency-key-reused");
        assertProblem(http.post(account + "/withdrawals", "{\"amount\": 20}", Map.of("Idempotency-Key", "k")), 422,
                "idempotency-key-reused");
        assertThat(balance(), is("20.00"));
        TestHttp.Reply replay = http.post(account + "/deposits", "{\"amount\": 20}", Map.of("Idempotency-Key", "k"));
        assertThat("the key's first outcome, not the refused reuse", replay.status(), is(200));
        assertThat(replay.text(), is(first.text()));
    }

    @Test
    void keysBelongToOneAccount() {
        UUID other = UUID.randomUUID();
        http.post("/internal/billing/accounts", "{\"userId\":\"" + other + "\"}");
        http.post(account + "/deposits", "{\"amount\": 5}", Map.of("Idempotency-Key", "shared"));
        TestHttp.Reply reply = http.post("/billing/accounts/" + other + "/deposits", "{\"amount\": 5}",
                Map.of("Idempotency-Key", "shared"));
        assertThat(reply.status(), is(200));
        assertThat(reply.json().get("balance").asText(), is("5.00"));
    }

    @Test
    void concurrentReplaysOfOneKeyMoveMoneyOnce() throws Exception {
        http.post(account + "/deposits", "{\"amount\": 100}");
        UUID order = UUID.randomUUID();
        String body = "{\"amount\": 7, \"orderId\": \"" + order + "\"}";
        Map<String, Double> before = AccountResourceTest.movementCounts(http);
        List<TestHttp.Reply> replies = parallel(20,
                () -> http.post(account + "/withdrawals", body, Map.of("Idempotency-Key", order.toString())));
        assertThat("one decided, the others answered its outcome", AccountResourceTest.countedSince(http, before),
                is(Map.of("WITHDRAWAL moved", 1.0, "WITHDRAWAL replayed", 19.0)));
        assertThat(replies.stream().map(TestHttp.Reply::status).collect(Collectors.toSet()), is(Set.of(200)));
        assertThat(replies.stream().map(TestHttp.Reply::text).distinct().toList(), hasSize(1));
        assertThat(balance(), is("93.00"));
        assertThat(http.get(account + "/transactions").json().size(), is(2));
    }

    private String balance() {
        return http.get(account).json().get("balance").asText();
    }

    static <T> List<T> parallel(int count, Callable<T> task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = IntStream.range(0, count).mapToObj(i -> pool.submit(task)).toList();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
