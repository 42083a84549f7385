package homework.arch.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.fixtures.OrdersDatabase;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.json;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Orders in style 1 (openapi/styles/http-only.yaml), against a real PostgreSQL, with users, billing
 * and notifications answering over HTTP from {@link RemoteServicesStub}: the letter is stored
 * through notifications before the order is final and before the client's answer, and no event is
 * written.
 */
@HelidonTest
class HttpOnlyStyleTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    private static final OrdersDatabase ORDERS_DB = OrdersDatabase.of(DB);

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = REMOTE.settings(DB);
        settings.put("style", "http-only");
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
    void aPaidOrderHasItsLetterBeforeTheAnswerAndNoEvent() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("30.5")));
        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("status").asText(), is("PAID"));
        assertThat(REMOTE.balance(user), is(new BigDecimal("69.50")));
        RemoteServicesStub.LetterRequest letter = REMOTE.letter(id);
        assertThat("stored before the answer", letter, notNullValue());
        assertThat(letter.status(), is("PAID"));
        assertThat(letter.userId(), is(user));
        assertThat(letter.email(), is(REMOTE.email(user)));
        assertThat(letter.price().toPlainString(), is("30.50"));
        assertThat(REMOTE.letterRequests(id), hasSize(1));
        assertThat("style 1 publishes nothing", ORDERS_DB.outbox(id), is(empty()));
    }

    @Test
    void aCancelledOrderGetsTheSadLetter() {
        UUID user = REMOTE.user(new BigDecimal("10.00"));
        UUID id = UUID.randomUUID();
        TestHttp.Reply reply = post(Map.of("id", id, "userId", user, "price", new BigDecimal("10.01")));
        assertThat(reply.toString(), reply.status(), is(201));
        assertThat(reply.json().get("status").asText(), is("CANCELLED"));
        assertThat(REMOTE.balance(user), is(new BigDecimal("10.00")));
        assertThat(REMOTE.letter(id).status(), is("CANCELLED"));
        assertThat(ORDERS_DB.outbox(id), is(empty()));
    }

    @Test
    void withNotificationsDownTheChargedOrderStaysPendingUntilItsLetterIsStored() {
        UUID user = REMOTE.user(new BigDecimal("50.00"));
        UUID id = UUID.randomUUID();
        Map<String, Object> order = Map.of("id", id, "userId", user, "price", new BigDecimal("20"));
        REMOTE.notificationsFailing(true);
        try {
            TestHttp.Reply first = post(order);
            assertThat(first.toString(), first.status(), is(202));
            assertThat(first.json().get("status").asText(), is("PENDING"));
            assertThat("billing answered: the money moved", REMOTE.balance(user), is(new BigDecimal("30.00")));
            assertThat(ORDERS_DB.status(id), is("PENDING"));
            await().atMost(Duration.ofSeconds(10)).until(() -> REMOTE.letterRequests(id).size() >= 2);
            assertThat("the settler keeps asking, and the order waits for its letter", ORDERS_DB.status(id), is("PENDING"));
        } finally {
            REMOTE.notificationsFailing(false);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(ORDERS_DB.status(id)));
        assertThat(REMOTE.letter(id).status(), is("PAID"));
        List<RemoteServicesStub.Withdrawal> withdrawals = REMOTE.withdrawals(id);
        assertThat("each attempt replays the withdrawal under the order's key", withdrawals.size(), greaterThanOrEqualTo(2));
        assertThat(withdrawals.stream().map(RemoteServicesStub.Withdrawal::idempotencyKey).distinct().toList(),
                is(List.of(id.toString())));
        assertThat("charged once", REMOTE.balance(user), is(new BigDecimal("30.00")));
        TestHttp.Reply replay = post(order);
        assertThat(replay.toString(), replay.status(), is(200));
        assertThat(replay.json().get("status").asText(), is("PAID"));
        assertThat(ORDERS_DB.outbox(id), is(empty()));
    }

    private TestHttp.Reply post(Map<String, Object> body) {
        return http.post("/orders", json(body));
    }
}
