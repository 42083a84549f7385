package homework.arch.stack.services;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.ServiceProcess;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * Orders against the real users and billing: all three run from their built jars as separate
 * JVMs on free ports, each with its own database on one real PostgreSQL. Outbox rows are read
 * straight from the orders database.
 */
class OrdersAgainstRealServicesIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Path LOGS = Path.of("target", "it-logs", "orders").toAbsolutePath();

    private static Map<String, String> billingEnv;
    private static int billingPort;
    private static ServiceProcess billing;
    private static ServiceProcess users;
    private static ServiceProcess orders;
    private static OrdersDatabase ordersDb;

    @BeforeAll
    static void startServices() {
        billingPort = Ports.free();
        billingEnv = TestDatabase.environment(TestDatabase.forService("billing"));
        billing = ServiceProcess.startService("billing", billingPort, billingEnv, LOGS, START);

        Map<String, String> usersEnv = TestDatabase.environment(TestDatabase.forService("users"));
        usersEnv.put("BILLING_URL", billing.uri().toString());
        users = ServiceProcess.startService("users", Ports.free(), usersEnv, LOGS, START);

        Map<String, String> ordersSettings = TestDatabase.forService("orders");
        ordersDb = OrdersDatabase.of(ordersSettings);
        Map<String, String> ordersEnv = TestDatabase.environment(ordersSettings);
        ordersEnv.put("BILLING_URL", billing.uri().toString());
        ordersEnv.put("USERS_URL", users.uri().toString());
        ordersEnv.put("SETTLER_INTERVAL", "PT0.5S");
        ordersEnv.put("SETTLER_MIN_AGE", "PT1S");
        ordersEnv.put("SETTLER_BACKOFF_INITIAL", "PT0.5S");
        ordersEnv.put("SETTLER_BACKOFF_MAX", "PT2S");
        orders = ServiceProcess.startService("orders", Ports.free(), ordersEnv, LOGS, START);
    }

    @AfterAll
    static void stopServices() {
        for (ServiceProcess process : new ServiceProcess[] {orders, users, billing}) {
            if (process != null) {
                process.stop();
            }
        }
    }

    @Test
    void paidOrderWithdrawsExactlyThePriceWithTheOrderIdInTheLedger() {
        User user = newUser("100.00");
        UUID id = UUID.randomUUID();
        TestHttp.Reply placed = placeOrder(id, user.id(), "30.25");
        assertThat(placed.json().toString(), placed.status(), is(201));
        assertThat(placed.json().get("status").asText(), is("PAID"));
        assertThat(balance(user.id()), is(new BigDecimal("69.75")));
        List<JsonNode> withdrawals = withdrawalsFor(user.id(), id);
        assertThat(withdrawals, hasSize(1));
        assertThat(withdrawals.getFirst().get("amount").decimalValue(), is(new BigDecimal("30.25")));
        assertOneEvent(id, "OrderPaid", user);
    }

    @Test
    void insufficientFundsCancelsAndLeavesTheBalanceAlone() {
        User user = newUser("10.00");
        UUID id = UUID.randomUUID();
        TestHttp.Reply placed = placeOrder(id, user.id(), "10.01");
        assertThat(placed.json().toString(), placed.status(), is(201));
        assertThat(placed.json().get("status").asText(), is("CANCELLED"));
        assertThat(balance(user.id()), is(new BigDecimal("10.00")));
        assertThat(withdrawalsFor(user.id(), id), is(empty()));
        assertOneEvent(id, "OrderCancelled", user);
    }

    @Test
    void anOrderOfExactlyTheBalanceIsPaid() {
        User user = newUser("15.50");
        UUID id = UUID.randomUUID();
        TestHttp.Reply placed = placeOrder(id, user.id(), "15.50");
        assertThat(placed.json().toString(), placed.status(), is(201));
        assertThat(placed.json().get("status").asText(), is("PAID"));
        assertThat(balance(user.id()), comparesEqualTo(BigDecimal.ZERO));
        assertOneEvent(id, "OrderPaid", user);
    }

    @Test
    void replayReturnsTheSameOrderAndChargesNothingMore() {
        User user = newUser("50.00");
        UUID id = UUID.randomUUID();
        TestHttp.Reply first = placeOrder(id, user.id(), "20.00");
        TestHttp.Reply again = placeOrder(id, user.id(), "20");
        assertThat(again.json().toString(), again.status(), is(200));
        assertThat(again.json(), is(first.json()));
        assertThat(balance(user.id()), is(new BigDecimal("30.00")));
        assertThat(withdrawalsFor(user.id(), id), hasSize(1));
        assertOneEvent(id, "OrderPaid", user);

        TestHttp.Reply conflicting = placeOrder(id, user.id(), "21.00");
        assertThat(conflicting.json().toString(), conflicting.status(), is(409));
        assertThat(conflicting.json().get("type").asText(), endsWith("/order-conflict"));
        assertThat(balance(user.id()), is(new BigDecimal("30.00")));
    }

    @Test
    void anUnknownUserIsNotFoundAndNothingIsStored() {
        UUID id = UUID.randomUUID();
        TestHttp.Reply placed = placeOrder(id, UUID.randomUUID(), "1.00");
        assertThat(placed.json().toString(), placed.status(), is(404));
        assertThat(placed.json().toString(), placed.json().get("detail").asText(), startsWith("User "));
        assertThat(ordersDb.orderCount(id), is(0L));
        assertThat(get(orders, "/orders/" + id).status(), is(404));
    }

    @Test
    void whileBillingIsDownTheOrderIsPendingAndSettlesOnceWhenItIsBack() {
        User user = newUser("40.00");
        UUID id = UUID.randomUUID();
        billing.stop();
        try {
            TestHttp.Reply placed = placeOrder(id, user.id(), "12.34");
            assertThat(placed.json().toString(), placed.status(), is(202));
            assertThat(placed.json().get("status").asText(), is("PENDING"));
            // Let the settler try (and fail) a few times while billing is away.
            sleepSeconds(3);
            assertThat(get(orders, "/orders/" + id).json().get("status").asText(), is("PENDING"));
            assertThat(ordersDb.outbox(id), is(empty()));
        } finally {
            billing = ServiceProcess.startService("billing", billingPort, billingEnv, LOGS, START);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "PAID".equals(get(orders, "/orders/" + id).json().get("status").asText()));
        assertThat(balance(user.id()), is(new BigDecimal("27.66")));
        assertThat(withdrawalsFor(user.id(), id), hasSize(1));
        assertOneEvent(id, "OrderPaid", user);
        // Later settler rounds change nothing.
        sleepSeconds(2);
        assertThat(balance(user.id()), is(new BigDecimal("27.66")));
        assertThat(ordersDb.outbox(id), hasSize(1));
    }

    private record User(UUID id, String email) {
    }

    private static User newUser(String deposit) {
        UUID id = UUID.randomUUID();
        String email = "buyer-" + id + "@example.com";
        TestHttp.Reply created = post(users, "/users", Map.of("id", id, "name", "Buyer", "email", email));
        assertThat(created.json().toString(), created.status(), is(201));
        TestHttp.Reply deposited = post(billing, "/billing/accounts/" + id + "/deposits",
                Map.of("amount", new BigDecimal(deposit)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(deposited.json().toString(), deposited.status(), is(200));
        return new User(id, email);
    }

    private static TestHttp.Reply placeOrder(UUID id, UUID userId, String price) {
        return post(orders, "/orders", Map.of("id", id, "userId", userId, "price", new BigDecimal(price)));
    }

    private static BigDecimal balance(UUID userId) {
        TestHttp.Reply account = get(billing, "/billing/accounts/" + userId);
        assertThat(account.json().toString(), account.status(), is(200));
        return account.json().get("balance").decimalValue();
    }

    private static List<JsonNode> withdrawalsFor(UUID userId, UUID orderId) {
        TestHttp.Reply ledger = get(billing, "/billing/accounts/" + userId + "/transactions");
        assertThat(ledger.json().toString(), ledger.status(), is(200));
        return StreamSupport.stream(ledger.json().spliterator(), false)
                .filter(entry -> "WITHDRAWAL".equals(entry.path("type").asText()))
                .filter(entry -> orderId.toString().equals(entry.path("orderId").asText()))
                .toList();
    }

    private static void assertOneEvent(UUID orderId, String type, User user) {
        List<OrdersDatabase.OutboxRow> rows = ordersDb.outbox(orderId);
        assertThat(rows.toString(), rows, hasSize(1));
        OrdersDatabase.OutboxRow row = rows.getFirst();
        assertThat(row.aggregateType(), is("order"));
        assertThat(row.aggregateId(), is(orderId.toString()));
        assertThat(row.type(), is(type));
        assertThat(row.payload().get("orderId").asText(), is(orderId.toString()));
        assertThat(row.payload().get("userId").asText(), is(user.id().toString()));
        assertThat(row.payload().get("email").asText(), is(user.email()));
        assertThat(row.payload().get("status").asText(), is(type.equals("OrderPaid") ? "PAID" : "CANCELLED"));
    }

    private static TestHttp.Reply get(ServiceProcess service, String path) {
        return new TestHttp(service.uri()).get(path);
    }

    private static TestHttp.Reply post(ServiceProcess service, String path, Object body) {
        return post(service, path, body, Map.of());
    }

    private static TestHttp.Reply post(ServiceProcess service, String path, Object body, Map<String, String> headers) {
        try {
            return new TestHttp(service.uri()).post(path, TestHttp.JSON.writeValueAsString(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
