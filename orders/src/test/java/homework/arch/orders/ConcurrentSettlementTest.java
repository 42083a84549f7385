package homework.arch.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import homework.arch.orders.application.Charging;
import homework.arch.orders.application.PendingOrders;
import homework.arch.orders.application.Settler;
import homework.arch.orders.domain.Order;
import homework.arch.orders.domain.OrderStatus;
import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.TestDatabase;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isIn;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What makes settling safe with several orders instances, exercised with concurrent callers on a
 * real PostgreSQL. The background settler is held back (interval of an hour) so the test drives
 * every round itself.
 */
@HelidonTest
class ConcurrentSettlementTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final OrdersDatabase ORDERS_DB = OrdersDatabase.of(DB);

    @Inject
    Settler settler;

    @Inject
    PendingOrders pending;

    @Inject
    Charging charging;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "client.max-idle-connections")
    int maxIdleConnections;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(DB);
        settings.put("settler.interval", "PT1H");
        settings.put("settler.min-age", "PT5S");
        settings.put("settler.batch-size", "3");
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        REMOTE.close();
    }

    @Test
    void concurrentClaimsNeverHandTheSameOrderToTwoSettlers() throws Exception {
        Set<UUID> due = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            due.add(pendingOrder(true));
        }
        UUID young = pendingOrder(false);

        List<UUID> claimed = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Callable<List<UUID>>> rounds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rounds.add(settler::claimDue);
            }
            for (Future<List<UUID>> round : threads.invokeAll(rounds)) {
                claimed.addAll(round.get());
            }
        }
        assertThat("an order was claimed twice: " + claimed, new HashSet<>(claimed).size(), is(claimed.size()));
        assertThat("only due orders are claimed", claimed, everyItem(isIn(due)));
        assertThat("every due order was claimed once", new HashSet<>(claimed), is(due));
        assertThat("claimed orders are leased until their next attempt", settler.claimDue(), is(empty()));
        assertThat(claimed, not(hasItem(young)));
    }

    @Test
    void ofTwoConcurrentSettlementsOnlyOneWritesAnEvent() throws Exception {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        Order order = stored(Order.place(UUID.randomUUID(), user, REMOTE.email(user), new BigDecimal("10.00"),
                clock.instant(), null));
        List<Order> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Callable<Order>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> charging.charge(order));
            }
            for (Future<Order> attempt : threads.invokeAll(attempts)) {
                results.add(attempt.get());
            }
        }
        assertThat(results.toString(), results.stream().map(Order::status).toList(), everyItem(is(OrderStatus.PAID)));
        assertThat(ORDERS_DB.outbox(order.id()), hasSize(1));
        assertThat("billing replayed the key: charged once", REMOTE.balance(user), is(new BigDecimal("90.00")));
        assertThat(REMOTE.withdrawals(order.id()), hasSize(4));
    }

    @Test
    void theClientsKeepAsManyIdleConnectionsAsConfigured() {
        // The JDK keeps 5 by default and reads the property once (platform client/KeptConnections).
        assertThat(maxIdleConnections, is(32));
        assertThat(System.getProperty("http.maxConnections"), is(String.valueOf(maxIdleConnections)));
    }

    @Test
    void aWithdrawalThatTimedOutIsLeftToTheSettlerNotSentAgainAtOnce() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        Order order = stored(Order.place(UUID.randomUUID(), user, REMOTE.email(user), new BigDecimal("10.00"),
                clock.instant(), null));
        REMOTE.billingDelay(Duration.ofMillis(2500));
        try {
            assertThat("no answer within the read timeout", charging.charge(order).status(), is(OrderStatus.PENDING));
        } finally {
            REMOTE.billingDelay(Duration.ZERO);
        }
        assertThat("a timed-out call is not retried at once", REMOTE.withdrawals(order.id()), hasSize(1));
        assertThat(ORDERS_DB.status(order.id()), is("PENDING"));
    }

    @Test
    void whenTheOutboxInsertFailsTheStatusChangeRollsBackWithIt() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        Order order = stored(Order.place(UUID.randomUUID(), user, REMOTE.email(user), new BigDecimal("10.00"),
                clock.instant(), null));
        // The database refuses this order's event, after the order's UPDATE has been sent.
        ORDERS_DB.execute("""
                CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.aggregateid = '%s' THEN RAISE EXCEPTION 'refused'; END IF;
                    RETURN NEW;
                END $$""".formatted(order.id()));
        ORDERS_DB.execute("CREATE TRIGGER refuse_event BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse_event()");
        try {
            assertThrows(RuntimeException.class, () -> charging.charge(order));
        } finally {
            ORDERS_DB.execute("DROP TRIGGER refuse_event ON outbox");
            ORDERS_DB.execute("DROP FUNCTION refuse_event()");
        }
        assertThat("no status change without its event", ORDERS_DB.status(order.id()), is("PENDING"));
        assertThat(ORDERS_DB.outbox(order.id()), is(empty()));

        assertThat("the settler's retry settles it", charging.charge(order).status(), is(OrderStatus.PAID));
        assertThat(ORDERS_DB.status(order.id()), is("PAID"));
        assertThat(ORDERS_DB.outbox(order.id()), hasSize(1));
    }

    private Order stored(Order order) {
        assertThat("a new id is stored", pending.add(order), is(true));
        return order;
    }

    private UUID pendingOrder(boolean due) {
        UUID user = REMOTE.user(BigDecimal.TEN);
        Order order = stored(Order.place(UUID.randomUUID(), user, REMOTE.email(user), BigDecimal.ONE, clock.instant(), null));
        if (due) {
            ORDERS_DB.execute("UPDATE orders SET created_at = now() - interval '1 minute' WHERE id = ?", order.id());
        }
        return order.id();
    }
}
