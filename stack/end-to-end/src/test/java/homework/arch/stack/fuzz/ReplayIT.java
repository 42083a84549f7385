package homework.arch.stack.fuzz;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import homework.arch.stack.SharedStack;
import homework.arch.stack.Stack;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Races in flight, through the ingress, on the shared stack's two replicas of each service: twenty
 * requests with one order id, or one Idempotency-Key, sent at once. Every one answers the first
 * outcome (the creator {@code 201}, the rest {@code 200} with the same body), none presents a state
 * the first request is about to leave ({@code PENDING}), and the money moves once. And twenty
 * different orders on one balance at once: exactly those that fit are paid, it never goes below zero.
 */
@ExtendWith(SharedStack.class)
class ReplayIT {

    private static final int CONCURRENT = 20;

    @Test
    void concurrentReplaysOfAnOrderAnswerTheFirstOutcome(Stack stack) throws Exception {
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        UUID user = funded(ingress, "100");
        for (int round = 0; round < 5; round++) {
            UUID order = UUID.randomUUID();
            String body = "{\"id\":\"" + order + "\",\"userId\":\"" + user + "\",\"price\":1}";
            List<TestHttp.Reply> replies = concurrently(() -> ingress.post("/orders", body, Map.of()));

            List<Integer> statuses = replies.stream().map(TestHttp.Reply::status).toList();
            assertThat(statuses.toString(), statuses.stream().filter(s -> s == 201).count(), is(1L));
            assertThat(statuses.toString(), statuses.stream().filter(s -> s == 200).count(), is(CONCURRENT - 1L));
            assertThat("a replay answered a state the order was about to leave: " + replies.stream().map(TestHttp.Reply::text).toList(),
                    replies.stream().map(r -> r.json().path("status").asText()).toList(), everyItem(is("PAID")));
            assertThat(replies.stream().map(TestHttp.Reply::json).distinct().count(), is(1L));
        }
        assertThat(balance(ingress, user), comparesEqualTo(new BigDecimal("95")));
    }

    @Test
    void concurrentOrdersOnOneBalancePayExactlyThoseThatFit(Stack stack) throws Exception {
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        UUID user = funded(ingress, "100");
        List<TestHttp.Reply> replies = concurrently(() -> ingress.post("/orders", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"userId\":\"" + user + "\",\"price\":7}", Map.of()));

        List<String> outcomes = replies.stream().map(r -> r.status() + " " + r.json().path("status").asText()).toList();
        assertThat(outcomes.toString(), outcomes.stream().filter("201 PAID"::equals).count(), is(14L));
        assertThat(outcomes.toString(), outcomes.stream().filter("201 CANCELLED"::equals).count(), is(6L));
        assertThat(balance(ingress, user), comparesEqualTo(new BigDecimal("2")));
    }

    @Test
    void concurrentReplaysOfAnIdempotencyKeyAnswerTheFirstOutcome(Stack stack) throws Exception {
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(30));
        UUID user = funded(ingress, "100");
        String key = UUID.randomUUID().toString();
        List<TestHttp.Reply> replies = concurrently(() -> ingress.post("/billing/accounts/" + user + "/withdrawals",
                "{\"amount\":7}", Map.of("Idempotency-Key", key)));

        assertThat(replies.stream().map(TestHttp.Reply::status).toList(), everyItem(is(200)));
        assertThat(replies.stream().map(TestHttp.Reply::text).distinct().count(), is(1L));
        assertThat(balance(ingress, user), comparesEqualTo(new BigDecimal("93")));
    }

    private static BigDecimal balance(TestHttp ingress, UUID user) {
        return new BigDecimal(ingress.get("/billing/accounts/" + user).json().path("balance").asText());
    }

    private static UUID funded(TestHttp ingress, String amount) {
        UUID user = UUID.randomUUID();
        assertThat(ingress.post("/users", "{\"id\":\"" + user + "\",\"name\":\"Replay\",\"email\":\"replay@example.com\"}",
                Map.of()).status(), is(201));
        assertThat(ingress.post("/billing/accounts/" + user + "/deposits", "{\"amount\":" + amount + "}", Map.of()).status(),
                is(200));
        return user;
    }

    private static List<TestHttp.Reply> concurrently(Callable<TestHttp.Reply> request) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT)) {
            List<Future<TestHttp.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                futures.add(clients.submit(request));
            }
            List<TestHttp.Reply> replies = new ArrayList<>();
            for (Future<TestHttp.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        }
    }
}
