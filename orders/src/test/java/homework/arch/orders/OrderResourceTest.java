package homework.arch.orders;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import homework.arch.stack.fixtures.CommitCutOff;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.glassfish.jersey.process.internal.RequestScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP contract of orders against a real PostgreSQL, with users and billing answering over
 * HTTP from {@link RemoteServicesStub} so that slow and failing billing can be staged.
 */
@HelidonTest
class OrderResourceTest {

    private static final ObjectMapper JSON = TestJson.MAPPER;
    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final OrdersDatabase ORDERS_DB = OrdersDatabase.of(DB);

    @Inject
    WebTarget target;

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

    @Test
    void paidOrderChargesThePriceOnceAndWritesOrderPaid() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        Response response = post(Map.of("id", id, "userId", user, "price", new BigDecimal("30.5")));
        assertEquals(201, response.getStatus());
        assertEquals("/orders/" + id, response.getLocation().getPath());
        JsonNode order = body(response);
        assertEquals(id.toString(), order.get("id").asText());
        assertEquals(user.toString(), order.get("userId").asText());
        assertEquals("30.50", order.get("price").decimalValue().toPlainString());
        assertEquals("PAID", order.get("status").asText());
        Instant createdAt = Instant.parse(order.get("createdAt").asText());
        assertTrue(Duration.between(createdAt, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "createdAt is about now: " + createdAt);
        assertEquals(new BigDecimal("69.50"), REMOTE.balance(user));
        List<RemoteServicesStub.Withdrawal> calls = REMOTE.withdrawals(id);
        assertEquals(1, calls.size());
        assertEquals(id.toString(), calls.getFirst().idempotencyKey());
        assertEquals(0, new BigDecimal("30.50").compareTo(calls.getFirst().amount()));

        List<OrdersDatabase.OutboxRow> outbox = ORDERS_DB.outbox(id);
        assertEquals(1, outbox.size());
        OrdersDatabase.OutboxRow row = outbox.getFirst();
        assertEquals("order", row.aggregateType());
        assertEquals("OrderPaid", row.type());
        assertEquals(id.toString(), row.payload().get("orderId").asText());
        assertEquals(user.toString(), row.payload().get("userId").asText());
        assertEquals(REMOTE.email(user), row.payload().get("email").asText());
        assertEquals("30.50", row.payload().get("price").decimalValue().toPlainString());
        assertEquals("PAID", row.payload().get("status").asText());
        assertTrue(row.payload().get("occurredAt").isTextual());
        assertEquals(REMOTE.email(user), ORDERS_DB.email(id));

        JsonNode fetched = body(target.path("/orders/" + id).request().get());
        assertEquals(order, fetched);
    }

    @Test
    void insufficientFundsCancelsWithoutMovingMoney() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("10.00"));
        UUID id = UUID.randomUUID();
        Response response = post(Map.of("id", id, "userId", user, "price", new BigDecimal("10.01")));
        assertEquals(201, response.getStatus());
        assertEquals("CANCELLED", body(response).get("status").asText());
        assertEquals(new BigDecimal("10.00"), REMOTE.balance(user));
        List<OrdersDatabase.OutboxRow> outbox = ORDERS_DB.outbox(id);
        assertEquals(1, outbox.size());
        assertEquals("OrderCancelled", outbox.getFirst().type());
        assertEquals("CANCELLED", outbox.getFirst().payload().get("status").asText());
    }

    @Test
    void replayReturnsTheStoredOrderAndChargesNothing() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        JsonNode first = body(post(Map.of("id", id, "userId", user, "price", new BigDecimal("40"))));
        Response again = post(Map.of("id", id, "userId", user, "price", new BigDecimal("40.00")));
        assertEquals(200, again.getStatus());
        assertEquals(first, body(again));
        assertEquals(1, REMOTE.withdrawals(id).size());
        assertEquals(new BigDecimal("60.00"), REMOTE.balance(user));
        assertEquals(1, ORDERS_DB.outbox(id).size());
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
            List<Future<Response>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(clients.submit(() -> post(order)));
            }
            for (Future<Response> reply : replies) {
                Response response = reply.get();
                statuses.add(response.getStatus());
                answers.add(body(response));
            }
        } finally {
            REMOTE.billingDelay(Duration.ZERO);
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertTrue(answers.stream().allMatch(a -> "PAID".equals(a.get("status").asText())), answers.toString());
        assertEquals(1, answers.stream().distinct().count(), "every replay answers the first outcome: " + answers);
        assertEquals(new BigDecimal("90.00"), REMOTE.balance(user));
        assertEquals(1, ORDERS_DB.outbox(id).size());
    }

    @Test
    void aReplayOfAPendingOrderIsAcceptedWithItsCurrentStateThenTheSettledOrder() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("50.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("20"));
        REMOTE.billingFailing(true);
        try {
            assertEquals(202, post(order).getStatus());
            Response replay = post(order);
            assertEquals(202, replay.getStatus(), "still PENDING after the first request's budget: not a final answer");
            assertEquals("/orders/" + id, replay.getLocation().getPath());
            assertEquals("PENDING", body(replay).get("status").asText());
        } finally {
            REMOTE.billingFailing(false);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(id)));
        Response settled = post(order);
        assertEquals(200, settled.getStatus());
        assertEquals("PAID", body(settled).get("status").asText());
    }

    @Test
    void aSettlementWhoseCommitIsCutOffIsRetriedAndChargesOnce() throws Exception {
        // The commit of the status change and its outbox row fails as when PostgreSQL crashes
        // during it. Both must be lost together: once they ran on two connections, and the order
        // stayed PAID without its event (no letter, ever).
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("25"));
        try (CommitCutOff cutOff = CommitCutOff.firstInsert(DB, "outbox", "NEW.aggregateid = '" + id + "'")) {
            Response cut = post(order);
            assertEquals(1, cutOff.attempts());
            assertEquals("PENDING", ORDERS_DB.status(id), "the status change was rolled back with its outbox row");
            assertEquals(0, ORDERS_DB.outbox(id).size());
            assertTrue(cut.getStatus() == 503 || cut.getStatus() == 202, "told to retry or to wait: " + cut.getStatus());

            // The settler (or the client's retry) charges again with the same key: billing replays.
            await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(ORDERS_DB.status(id)));
            assertEquals(2, cutOff.attempts());
        }
        assertEquals(200, post(order).getStatus());
        assertEquals(new BigDecimal("75.00"), REMOTE.balance(user));
        assertEquals(1, ORDERS_DB.outbox(id).size());
    }

    @Test
    void sameIdWithDifferentContentIsAConflict() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        assertEquals(201, post(Map.of("id", id, "userId", user, "price", new BigDecimal("5"))).getStatus());
        Response conflict = post(Map.of("id", id, "userId", user, "price", new BigDecimal("6")));
        assertProblem(conflict, 409, "order-conflict");
        Response otherUser = post(Map.of("id", id, "userId", REMOTE.user(BigDecimal.TEN), "price", new BigDecimal("5")));
        assertProblem(otherUser, 409, "order-conflict");
        assertEquals(new BigDecimal("95.00"), REMOTE.balance(user));
    }

    @Test
    void unknownUserIsNotFoundAndNothingIsStored() throws Exception {
        UUID id = UUID.randomUUID();
        Response response = post(Map.of("id", id, "userId", UUID.randomUUID(), "price", BigDecimal.ONE));
        JsonNode problem = assertProblem(response, 404, "not-found");
        assertTrue(problem.get("detail").asText().startsWith("User "), problem.toString());
        assertEquals(0, ORDERS_DB.orderCount(id));
        assertEquals(0, REMOTE.withdrawals(id).size());
    }

    @Test
    void aUsersLaterOrdersDoNotAskUsersAgain() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        for (int i = 0; i < 3; i++) {
            Response response = post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE));
            assertEquals(201, response.getStatus());
            assertEquals("PAID", body(response).get("status").asText());
        }
        assertEquals(1, REMOTE.userLookups(user), "users was asked once, for the first order");
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
            assertEquals(201, post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE)).getStatus());
        }
        int kept = requestScopeLookupsKept() - before;
        // With MicroProfile fault tolerance, 41 (40 calls to billing, 1 to users); a settler's call may be in flight.
        assertTrue(kept <= 1, "40 orders kept " + kept + " lookups of the request scope");
    }

    @Test
    void anUnknownUserIsAskedForAgainAndCanOrderOnceRegistered() throws Exception {
        UUID user = UUID.randomUUID();
        assertProblem(post(Map.of("id", UUID.randomUUID(), "userId", user, "price", BigDecimal.ONE)), 404, "not-found");

        REMOTE.register(user, new BigDecimal("5.00"));
        UUID id = UUID.randomUUID();
        Response response = post(Map.of("id", id, "userId", user, "price", BigDecimal.ONE));

        assertEquals(201, response.getStatus());
        assertEquals("PAID", body(response).get("status").asText());
        assertEquals(REMOTE.email(user), ORDERS_DB.email(id));
        assertEquals(2, REMOTE.userLookups(user));
    }

    @Test
    void serverGeneratesTheIdWhenAbsent() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("3.00"));
        Response response = post(Map.of("userId", user, "price", new BigDecimal("3")));
        assertEquals(201, response.getStatus());
        JsonNode order = body(response);
        assertEquals("PAID", order.get("status").asText());
        assertEquals(BigDecimal.ZERO.setScale(2), REMOTE.balance(user));
        assertEquals(1, ORDERS_DB.outbox(UUID.fromString(order.get("id").asText())).size());
    }

    @Test
    void slowBillingLeavesThePendingOrderToTheSettlerWhichChargesOnce() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("50.00"));
        UUID id = UUID.randomUUID();
        REMOTE.billingDelay(Duration.ofMillis(2500));
        Response response;
        try {
            response = post(Map.of("id", id, "userId", user, "price", new BigDecimal("20")));
        } finally {
            REMOTE.billingDelay(Duration.ZERO);
        }
        assertEquals(202, response.getStatus());
        assertEquals("PENDING", body(response).get("status").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(status(id)));
        assertEquals(new BigDecimal("30.00"), REMOTE.balance(user));
        assertTrue(REMOTE.withdrawals(id).size() >= 2, "the settler sent the withdrawal again");
        assertTrue(REMOTE.withdrawals(id).stream().allMatch(w -> w.idempotencyKey().equals(id.toString())));
        assertEquals(1, ORDERS_DB.outbox(id).size());
        assertEquals("OrderPaid", ORDERS_DB.outbox(id).getFirst().type());
    }

    @Test
    void failingBillingKeepsTheOrderPendingUntilBillingAnswers() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("5.00"));
        UUID id = UUID.randomUUID();
        REMOTE.billingFailing(true);
        try {
            Response response = post(Map.of("id", id, "userId", user, "price", new BigDecimal("7")));
            assertEquals(202, response.getStatus());
            await().atMost(Duration.ofSeconds(10)).until(() -> REMOTE.withdrawals(id).size() >= 3);
            assertEquals("PENDING", status(id));
            assertEquals(0, ORDERS_DB.outbox(id).size());
        } finally {
            REMOTE.billingFailing(false);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(id)));
        assertEquals(new BigDecimal("5.00"), REMOTE.balance(user));
        assertEquals(1, ORDERS_DB.outbox(id).size());
        assertEquals("OrderCancelled", ORDERS_DB.outbox(id).getFirst().type());
    }

    @Test
    void listsAUsersOrdersNewestFirst() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID first = UUID.fromString(body(post(Map.of("userId", user, "price", BigDecimal.ONE))).get("id").asText());
        UUID second = UUID.fromString(body(post(Map.of("userId", user, "price", BigDecimal.TWO))).get("id").asText());
        post(Map.of("userId", REMOTE.user(BigDecimal.TEN), "price", BigDecimal.ONE));

        Response response = target.path("/orders").queryParam("userId", user).request().get();
        assertEquals(200, response.getStatus());
        JsonNode list = body(response);
        assertEquals(2, list.size());
        assertEquals(second.toString(), list.get(0).get("id").asText());
        assertEquals(first.toString(), list.get(1).get("id").asText());

        assertEquals(0, body(target.path("/orders").queryParam("userId", UUID.randomUUID()).request().get()).size());
    }

    @Test
    void listWithoutAValidUserIdIsABadRequest() throws Exception {
        JsonNode missing = assertProblem(target.path("/orders").request().get(), 400, "validation");
        assertEquals("userId", missing.get("errors").get(0).get("field").asText());
        JsonNode malformed = assertProblem(target.path("/orders").queryParam("userId", "nope").request().get(), 400,
                "validation");
        assertEquals("userId", malformed.get("errors").get(0).get("field").asText());
    }

    @Test
    void unknownOrderIsNotFoundAndAMalformedIdABadRequest() throws Exception {
        assertProblem(target.path("/orders/" + UUID.randomUUID()).request().get(), 404, "not-found");
        assertProblem(target.path("/orders/not-a-uuid").request().get(), 400, "validation");
    }

    @Test
    void invalidOrdersAreRefusedWithTheBadField() throws Exception {
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
        assertProblem(target.path("/orders").request().post(Entity.entity("{", MediaType.APPLICATION_JSON)), 400,
                "malformed-json");
        assertEquals(0, REMOTE.withdrawals(user).size());
    }

    private void assertField(Response response, String field) throws Exception {
        JsonNode problem = assertProblem(response, 400, "validation");
        assertEquals(field, problem.get("errors").get(0).get("field").asText(), problem.toString());
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

    private Response post(Map<String, Object> body) throws Exception {
        return target.path("/orders").request()
                .post(Entity.entity(JSON.writeValueAsString(body), MediaType.APPLICATION_JSON));
    }

    private String status(UUID id) throws Exception {
        return body(target.path("/orders/" + id).request().get()).get("status").asText();
    }

    static JsonNode body(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    /** Platform's one check of a problem answer ({@link TestHttp#assertProblem}), of a JAX-RS response. */
    static JsonNode assertProblem(Response response, int status, String slug) {
        return TestHttp.assertProblem(response.getStatus(), String.valueOf(response.getMediaType()),
                response.readEntity(String.class), status, slug);
    }
}
