package homework.arch.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.Pages;
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

import static homework.arch.stack.fixtures.Pages.ids;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * {@code GET /orders?userId=} answers a page at a time, against a real PostgreSQL: a user's thousands
 * of orders are read to the end through the next links, each exactly once and newest first, while
 * new orders arrive; the page query is read from the index; bad paging input is a 400 naming it.
 */
@HelidonTest
class OrderListTest {

    private static final RemoteServicesStub REMOTE = new RemoteServicesStub();
    private static final Map<String, String> DB = TestDatabase.forService("orders");
    /** Before any order the service places itself, so those are always the newest. */
    private static final Instant SEEDED_FROM = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    WebTarget target;

    private TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        return TestDatabase.configSource(REMOTE.settings(DB));
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
    void aUsersThousandsOfOrdersAreReadToTheEndThroughTheNextLinksEachOnceNewestFirst() {
        UUID user = UUID.randomUUID();
        List<String> newestFirst = seed(user, 3000);
        seed(UUID.randomUUID(), 200);

        for (int limit : List.of(97, 500)) {
            List<JsonNode> walked = Pages.walk(http, "/orders?userId=" + user + "&limit=" + limit, limit);
            assertThat("limit " + limit, ids(walked), is(newestFirst));
            assertThat(walked.stream().map(order -> order.get("userId").asText()).toList(), everyItem(is(user.toString())));
        }
        assertThat("the default limit, 50", ids(Pages.walk(http, "/orders?userId=" + user, 50)), is(newestFirst));

        TestHttp.Reply first = http.get("/orders?userId=" + user);
        System.out.printf("[orders] first page of a user with 3000 orders: %d orders, %d bytes, %d ms%n",
                first.json().size(), first.text().length(), first.millis());
        assertThat(first.json().size(), is(50));
        String next = first.nextLink().orElseThrow();
        assertThat(next, next.matches("/orders\\?userId=" + user + "&limit=50&cursor=[A-Za-z0-9_-]+"), is(true));
    }

    @Test
    void ordersPlacedWhileAClientPagesNeitherRepeatNorHideAnOrderOnItsLaterPages() {
        UUID user = REMOTE.user(new BigDecimal("100.00"));
        List<String> seeded = seed(user, 300);

        TestHttp.Reply first = http.get("/orders?userId=" + user + "&limit=40");
        assertThat(ids(first.json()), is(seeded.subList(0, 40)));
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            TestHttp.Reply order = http.post("/orders", "{\"userId\":\"" + user + "\",\"price\":1.00}");
            assertThat(order.toString(), order.status(), is(201));
            placed.add(order.json().get("id").asText());
        }
        List<String> rest = ids(Pages.walk(http, first.nextLink().orElseThrow(), 40));
        assertThat("later pages hold the orders after the cursor, once each", rest, is(seeded.subList(40, seeded.size())));

        List<String> again = ids(Pages.walk(http, "/orders?userId=" + user + "&limit=40", 40));
        assertThat("a new walk starts with the new orders", Set.copyOf(again.subList(0, 3)), is(placed));
        assertThat(again.subList(3, again.size()), is(seeded));
    }

    @Test
    void aListWithoutMoreOrdersHasNoNextLink() {
        UUID user = UUID.randomUUID();
        List<String> three = seed(user, 3);
        TestHttp.Reply exact = http.get("/orders?userId=" + user + "&limit=3");
        assertThat(ids(exact.json()), is(three));
        assertThat(exact.headers().map().toString(), exact.nextLink(), is(Optional.empty()));
        TestHttp.Reply none = http.get("/orders?userId=" + UUID.randomUUID());
        assertThat(none.json().size(), is(0));
        assertThat(none.nextLink(), is(Optional.empty()));
    }

    /** The plan is printed; docs/performance.md and the commit that added the index quote it. */
    @Test
    void aLaterPageIsReadFromTheIndexWithoutASort() {
        UUID user = UUID.randomUUID();
        seed(user, 3000);
        for (int i = 0; i < 20; i++) {
            seed(UUID.randomUUID(), 1000);
        }
        String plan = Pages.explainLaterPage(DB, "orders", "user_id", user, 1500, 50);
        System.out.println("[orders] EXPLAIN (ANALYZE, BUFFERS) of a later page of 3000 orders among 23000:\n" + plan);
        assertThat(plan, containsString("Index Scan using orders_by_user_newest_first on orders"));
        assertThat(plan, containsString("Index Cond: ((user_id = "));
        assertThat(plan, containsString("(ROW(created_at, id) < ROW("));
        assertThat(plan, not(containsString("Sort")));
    }

    @Test
    void badPagingInputIsABadRequestNamingTheParameter() {
        Pages.assertBadPagingRefused(http, "/orders?userId=" + UUID.randomUUID());
    }

    /** PAID orders of {@code user} written straight into the table; their ids newest first. */
    private static List<String> seed(UUID user, int count) {
        return Pages.seed(DB, "orders", "user_id", user, count, SEEDED_FROM, Map.of("email", "'seed@example.com'",
                        "price", "1.00", "status", "'PAID'", "updated_at", "ts", "version", "0"))
                .stream().map(UUID::toString).toList();
    }
}
