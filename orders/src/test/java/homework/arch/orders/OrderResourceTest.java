package homework.arch.orders;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.CommitCutOff;
import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.glassfish.jersey.process.internal.RequestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static homework.arch.stack.fixtures.TestHttp.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The HTTP contract of orders against a real PostgreSQL, with users and billing answering over
 * HTTP from {@link RemoteServicesStub} so that slow and failing billing can be staged.
 */
@HelidonTest
class OrderResourceTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final OrdersDatabase ORDERS_DB = OrdersDatabase.of(DB);

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(DB);
        settings.put("settler.interval", "PT0.2S");
        settings.put("settler.min-age", "PT1S");
        settings.put("settler.backoff-initial", "PT0.2S");
        settings.put("settler.backoff-max", "PT0.5S");
        settings.put("orders.replay-wait", "PT4S");
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        REMOTE.close();
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void paidOrderChargesThePriceOnceAndWritesOrderPaid() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("30.5")));
        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(locationPath(reply), is("/orders/" + id));
        JsonNode order = reply.json();
        assertThat(order.get("id").asText(), is(id.toString()));
        assertThat(order.get("userId").asText(), is(user.toString()));
        assertThat(order.get("price").decimalValue().toPlainString(), is("30.50"));
        assertThat(order.get("status").asText(), is("PAID"));
        Instant createdAt = Instant.parse(order.get("createdAt").asText());
        assertThat("createdAt is about now: " + createdAt, Duration.between(createdAt, Instant.now()).abs(),
                lessThan(Duration.ofMinutes(1)));
        assertThat(REMOTE.balance(user), is(new BigDecimal("69.50")));
        List<RemoteServicesStub.Withdrawal> calls = REMOTE.withdrawals(id);
        assertThat(calls, hasSize(1));
        assertThat(calls.getFirst().idempotencyKey(), is(id.toString()));
        assertThat(calls.getFirst().amount(), comparesEqualTo(new BigDecimal("30.50")));

        List<OrdersDatabase.OutboxRow> outbox = ORDERS_DB.outbox(id);
        assertThat(outbox, hasSize(1));
        OrdersDatabase.OutboxRow row = outbox.getFirst();
        assertThat(row.aggregateType(), is("order"));
        assertThat(row.type(), is("OrderPaid"));
        assertThat(row.payload().get("orderId").asText(), is(id.toString()));
        assertThat(row.payload().get("userId").asText(), is(user.toString()));
        assertThat(row.payload().get("email").asText(), is(REMOTE.email(user)));
        assertThat(row.payload().get("price").decimalValue().toPlainString(), is("30.50"));
        assertThat(row.payload().get("status").asText(), is("PAID"));
        assertThat(row.payload().get("occurredAt").isTextual(), is(true));
        assertThat(ORDERS_DB.email(id), is(REMOTE.email(user)));

        assertThat(http.get("/orders/" + id).json(), is(order));
    }

    @Test
    void insufficientFundsCancelsWithoutMovingMoney() {
        UUID user = REMOTE.user(new BigDecimal("10.00"));
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("10.01")));
        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("status").asText(), is("CANCELLED"));
        assertThat(REMOTE.balance(user), is(new BigDecimal("10.00")));
        List<OrdersDatabase.OutboxRow> outbox = ORDERS_DB.outbox(id);
        assertThat(outbox, hasSize(1));
        assertThat(outbox.getFirst().type(), is("OrderCancelled"));
        assertThat(outbox.getFirst().payload().get("status").asText(), is("CANCELLED"));
    }

    @Test
    void replayReturnsTheStoredOrderAndChargesNothing() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        JsonNode first = post(Map.of("id", id, "userId", user, "price", new BigDecimal("40"))).json();
        TestHttp.Reply again = post(Map.of("id", id, "userId", user, "price", new BigDecimal("40.00")));
        assertThat(again.toString(), again.status(), is(200));
        assertThat(again.json(), is(first));
        assertThat(REMOTE.withdrawals(id), hasSize(1));
        assertThat(REMOTE.balance(user), is(new BigDecimal("60.00")));
        assertThat(ORDERS_DB.outbox(id), hasSize(1));
    }

    @Test
    void concurrentReplaysWaitForTheFirstOutcomeAndNeverAnswerPending() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("10"));
        List<JsonNode> answers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        REMOTE.billingDelay(Duration.ofMillis(300));
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            List<Future<TestHttp.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(clients.submit(() -> post(order)));
            }
            for (Future<TestHttp.Reply> reply : replies) {
                statuses.add(reply.get().status());
                answers.add(reply.get().json());
            }
        } finally {
            REMOTE.billingDelay(Duration.ZERO);
        }
        assertThat(statuses.toString(), Collections.frequency(statuses, 201), is(1));
        assertThat(statuses.toString(), Collections.frequency(statuses, 200), is(19));
        assertThat(answers.stream().map(answer -> answer.get("status").asText()).toList(), everyItem(is("PAID")));
        assertThat("every replay answers the first outcome: " + answers, answers.stream().distinct().count(), is(1L));
        assertThat(REMOTE.balance(user), is(new BigDecimal("90.00")));
        assertThat(ORDERS_DB.outbox(id), hasSize(1));
    }

    @Test
    void aReplayOfAPendingOrderIsAcceptedWithItsCurrentStateThenTheSettledOrder() {
        UUID user = REMOTE.user(new BigDecimal("50.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("20"));
        REMOTE.billingFailing(true);
        try {
            TestHttp.Reply first = post(order);
            assertThat(first.toString(), first.status(), is(202));
            TestHttp.Reply replay = post(order);
            assertThat("still PENDING after the first request's budget: not a final answer", replay.status(), is(202));
            assertThat(locationPath(replay), is("/orders/" + id));
            assertThat(replay.json().get("status").asText(), is("PENDING"));
        } finally {
            REMOTE.billingFailing(false);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(id)));
        TestHttp.Reply settled = post(order);
        assertThat(settled.toString(), settled.status(), is(200));
        assertThat(settled.json().get("status").asText(), is("PAID"));
    }

    @Test
    void aSettlementWhoseCommitIsCutOffIsRetriedAndChargesOnce() {
        // The commit of the status change and its outbox row fails as when PostgreSQL crashes
        // during it. Both must be lost together: once they ran on two connections, and the order
        // stayed PAID without its event (no letter, ever).
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("25"));
        try (CommitCutOff cutOff = CommitCutOff.firstInsert(DB, "outbox", "NEW.aggregateid = '" + id + "'")) {
            TestHttp.Reply cut = post(order);
            assertThat(cutOff.attempts(), is(1L));
            assertThat("the status change was rolled back with its outbox row", ORDERS_DB.status(id), is("PENDING"));
            assertThat(ORDERS_DB.outbox(id), is(empty()));
            assertThat("told to retry or to wait: " + cut, cut.status(), anyOf(is(503), is(202)));

            // The settler (or the client's retry) charges again with the same key: billing replays.
            await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(ORDERS_DB.status(id)));
            assertThat(cutOff.attempts(), is(2L));
        }
        assertThat(post(order).status(), is(200));
        assertThat(REMOTE.balance(user), is(new BigDecimal("75.00")));
        assertThat(ORDERS_DB.outbox(id), hasSize(1));
    }

    @Test
    void sameIdWithDifferentContentIsAConflict() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        assertThat(post(Map.of("id", id, "userId", user, "price", new BigDecimal("5"))).status(), is(201));
        assertProblem(post(Map.of("id", id, "userId", user, "price", new BigDecimal("6"))), 409, "order-conflict");
        assertProblem(post(Map.of("id", id, "userId", REMOTE.user(BigDecimal.TEN), "price", new BigDecimal("5"))), 409,
                "order-conflict");
        assertThat(REMOTE.balance(user), is(new BigDecimal("95.00")));
    }

    @Test
    void unknownUserIsNotFoundAndNothingIsStored() {
        UUID id = UUID.randomUUID();
        JsonNode problem = assertProblem(post(Map.of("id", id, "userId", UUID.randomUUID(), "price", BigDecimal.ONE)),
                404, "not-found");
        assertThat(problem.toString(), problem.get("detail").asText(), startsWith("User "));
        assertThat(ORDERS_DB.orderCount(id), is(0L));
        assertThat(REMOTE.withdrawals(id), is(empty()));
    }

    @Test
    void aUsersLaterOrdersDoNotAskUsersAgain() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        for (int i = 0; i < 3; i++) {
            TestHttp.Reply reply = post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE));
            assertThat(reply.toString(), reply.status(), is(201));
            assertThat(reply.json().get("status").asText(), is("PAID"));
        }
        assertThat("users was asked once, for the first order", REMOTE.userLookups(user), is(1));
    }

    /**
     * Nothing on the order's way looks Jersey's request scope up through CDI and leaves the lookup to
     * Weld, which would keep it for the life of the service (Helidon 4.2's MicroProfile fault
     * tolerance did, once per call: helidon-io/helidon#12130, 136 bytes per order).
     */
    @Test
    void placingOrdersKeepsNoRequestScopeLookupBehind() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        int before = requestScopeLookupsKept();
        for (int i = 0; i < 40; i++) {
            assertThat(post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE)).status(), is(201));
        }
        int kept = requestScopeLookupsKept() - before;
        // With MicroProfile fault tolerance, 41 (40 calls to billing, 1 to users); a settler's call may be in flight.
        assertThat("40 orders kept " + kept + " lookups of the request scope", kept, lessThanOrEqualTo(1));
    }

    @Test
    void anUnknownUserIsAskedForAgainAndCanOrderOnceRegistered() {
        UUID user = UUID.randomUUID();
        assertProblem(post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE)), 404, "not-found");

        REMOTE.register(user, new BigDecimal("5.00"));
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", BigDecimal.ONE));

        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("status").asText(), is("PAID"));
        assertThat(ORDERS_DB.email(id), is(REMOTE.email(user)));
        assertThat(REMOTE.userLookups(user), is(2));
    }

    @Test
    void serverGeneratesTheIdWhenAbsent() {
        UUID user = REMOTE.user(new BigDecimal("3.00"));
        TestHttp.Reply reply = post(Map.of("userId", user, "price", new BigDecimal("3")));
        assertThat(reply.toString(), reply.status(), is(201));
        JsonNode order = reply.json();
        assertThat(order.get("status").asText(), is("PAID"));
        assertThat(REMOTE.balance(user), is(BigDecimal.ZERO.setScale(2)));
        assertThat(ORDERS_DB.outbox(UUID.fromString(order.get("id").asText())), hasSize(1));
    }

    @Test
    void slowBillingLeavesThePendingOrderToTheSettlerWhichChargesOnce() {
        UUID user = REMOTE.user(new BigDecimal("50.00"));
        UUID id = UUID.randomUUID();
        REMOTE.billingDelay(Duration.ofMillis(2500));
        TestHttp.Reply reply;
        try {
            reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("20")));
        } finally {
            REMOTE.billingDelay(Duration.ZERO);
        }
        assertThat(reply.toString(), reply.status(), is(202));
        assertThat(reply.json().get("status").asText(), is("PENDING"));
        assertThat("where the PENDING order reads back", locationPath(reply), is("/orders/" + id));

        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(id)));
        assertThat(REMOTE.balance(user), is(new BigDecimal("30.00")));
        assertThat("the settler sent the withdrawal again", REMOTE.withdrawals(id).size(), greaterThanOrEqualTo(2));
        assertThat(REMOTE.withdrawals(id).stream().map(RemoteServicesStub.Withdrawal::idempotencyKey).toList(),
                everyItem(is(id.toString())));
        assertThat(ORDERS_DB.outbox(id), hasSize(1));
        assertThat(ORDERS_DB.outbox(id).getFirst().type(), is("OrderPaid"));
    }

    @Test
    void failingBillingKeepsTheOrderPendingUntilBillingAnswers() {
        UUID user = REMOTE.user(new BigDecimal("5.00"));
        UUID id = UUID.randomUUID();
        REMOTE.billingFailing(true);
        try {
            TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("7")));
            assertThat(reply.toString(), reply.status(), is(202));
            await().atMost(Duration.ofSeconds(10)).until(() -> REMOTE.withdrawals(id).size() >= 3);
            assertThat(status(id), is("PENDING"));
            assertThat(ORDERS_DB.outbox(id), is(empty()));
        } finally {
            REMOTE.billingFailing(false);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(id)));
        assertThat(REMOTE.balance(user), is(new BigDecimal("5.00")));
        assertThat(ORDERS_DB.outbox(id), hasSize(1));
        assertThat(ORDERS_DB.outbox(id).getFirst().type(), is("OrderCancelled"));
    }

    @Test
    void listsAUsersOrdersNewestFirst() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        String first = post(Map.of("userId", user, "price", BigDecimal.ONE)).json().get("id").asText();
        String second = post(Map.of("userId", user, "price", BigDecimal.TWO)).json().get("id").asText();
        post(Map.of("userId", REMOTE.user(BigDecimal.TEN), "price", BigDecimal.ONE));

        TestHttp.Reply list = http.get("/orders?userId=" + user);
        assertThat(list.toString(), list.status(), is(200));
        assertThat(Pages.ids(list.json()), is(List.of(second, first)));

        assertThat(http.get("/orders?userId=" + UUID.randomUUID()).json().size(), is(0));
    }

    @Test
    void listWithoutAValidUserIdIsABadRequest() {
        JsonNode missing = assertProblem(http.get("/orders"), 400, "validation");
        assertThat(missing.get("errors").get(0).get("field").asText(), is("userId"));
        JsonNode malformed = assertProblem(http.get("/orders?userId=nope"), 400, "validation");
        assertThat(malformed.get("errors").get(0).get("field").asText(), is("userId"));
    }

    @Test
    void unknownOrderIsNotFoundAndAMalformedIdABadRequest() {
        assertProblem(http.get("/orders/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(http.get("/orders/not-a-uuid"), 400, "validation");
    }

    @Test
    void invalidOrdersAreRefusedWithTheBadField() {
        UUID user = REMOTE.user(BigDecimal.TEN);
        assertField(post(Map.of("userId", user, "price", BigDecimal.ZERO)), "price");
        assertField(post(Map.of("userId", user, "price", new BigDecimal("-1"))), "price");
        assertField(post(Map.of("userId", user, "price", new BigDecimal("1.234"))), "price");
        assertField(post(Map.of("userId", user, "price", new BigDecimal("1000000000.01"))), "price");
        assertField(post(Map.of("userId", user)), "price");
        assertField(post(Map.of("price", BigDecimal.ONE)), "userId");
        assertField(post(Map.of("userId", "nope", "price", BigDecimal.ONE)), "userId");
        assertField(post(Map.of("userId", user, "price", "1.00")), "price");
        assertField(post(Map.of("userId", user, "price", BigDecimal.ONE, "status", "PAID")), "status");
        assertProblem(http.post("/orders", "{"), 400, "malformed-json");
        assertThat("billing was never asked", REMOTE.withdrawalsOf(user), is(empty()));
    }

    private static void assertField(TestHttp.Reply reply, String field) {
        JsonNode problem = assertProblem(reply, 400, "validation");
        assertThat(problem.toString(), problem.get("errors").get(0).get("field").asText(), is(field));
    }

    /** How many lookups of Jersey's request scope the CDI container keeps (Weld's internals, by reflection). */
    private static int requestScopeLookupsKept() throws ReflectiveOperationException {
        Object lookup = CDI.current().select(RequestScope.class);
        Method creationalContext = null;
        for (Class<?> type = lookup.getClass(); creationalContext == null; type = type.getSuperclass()) {
            creationalContext = Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> method.getName().equals("getCreationalContext")).findFirst().orElse(null);
        }
        creationalContext.setAccessible(true);
        Object context = creationalContext.invoke(lookup);
        return ((List<?>) context.getClass().getMethod("getDependentInstances").invoke(context)).size();
    }

    private TestHttp.Reply post(Map<String, Object> order) {
        return http.post("/orders", json(order));
    }

    private String status(UUID id) {
        return http.get("/orders/" + id).json().get("status").asText();
    }

    private static String locationPath(TestHttp.Reply reply) {
        return URI.create(reply.header("Location").orElseThrow()).getPath();
    }
}
