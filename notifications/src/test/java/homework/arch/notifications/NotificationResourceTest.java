package homework.arch.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestKafka;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.UsersStub;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.Pages.ids;
import static homework.arch.stack.fixtures.TestHttp.assertProblem;
import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** The HTTP contract of notifications (openapi/notifications.yaml), against a real PostgreSQL, Kafka and a users stand-in. */
@HelidonTest
class NotificationResourceTest {

    private static final UsersStub USERS = new UsersStub();
    private static final Map<String, String> DB = TestDatabase.forService("notifications");

    @Inject
    WebTarget target;

    TestHttp http;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(DB);
        settings.put("users.url", USERS.uri().toString());
        settings.put("kafka.bootstrap.servers", TestKafka.kafka().bootstrapServers());
        settings.put("order.events.topic", TestKafka.newTopic());
        settings.put("server.port", "0");
        return TestDatabase.configSource(settings);
    }

    @AfterAll
    static void stopStub() {
        USERS.close();
    }

    @BeforeEach
    void client() {
        http = new TestHttp(target.getUri());
    }

    @Test
    void aMessageGoesToTheRegisteredEmailAndListsNewestFirst() {
        UUID user = USERS.register("ann@example.com");
        TestHttp.Reply first = send(Map.of("userId", user, "subject", "Hello", "body", "First"));
        assertThat(first.toString(), first.status(), is(201));
        assertThat("the list the message is in", first.header("Location").orElse(""),
                endsWith("/notifications?userId=" + user));
        JsonNode created = first.json();
        assertThat(created.get("type").asText(), is("MESSAGE"));
        assertThat(created.get("email").asText(), is("ann@example.com"));
        assertThat(created.get("userId").asText(), is(user.toString()));
        assertThat(created.get("createdAt").isTextual(), is(true));
        assertThat(send(Map.of("userId", user, "subject", "Again", "body", "Second")).status(), is(201));

        JsonNode list = letters(user);
        assertThat(list.size(), is(2));
        assertThat(List.of(list.get(0).get("body").asText(), list.get(1).get("body").asText()), is(List.of("Second", "First")));
        assertThat(letters(UUID.randomUUID()).size(), is(0));
    }

    @Test
    void aUsersThousandOfLettersAreReadToTheEndThroughTheNextLinksEachOnceNewestFirst() {
        UUID user = USERS.register("many@example.com");
        List<String> seeded = seedLetters(user, 1200);
        seedLetters(UUID.randomUUID(), 100);
        assertThat(ids(Pages.walk(http, "/notifications?userId=" + user + "&limit=101", 101)), is(seeded));

        TestHttp.Reply first = http.get("/notifications?userId=" + user);
        assertThat(ids(first.json()), is(seeded.subList(0, 50)));
        // A letter sent meanwhile is the newest: on no later page of the walk that already began.
        assertThat(send(Map.of("userId", user, "subject", "New", "body", "Newest")).status(), is(201));
        List<String> rest = ids(Pages.walk(http, first.nextLink().orElseThrow(), 50));
        assertThat(rest, is(seeded.subList(50, seeded.size())));
        assertThat(http.get("/notifications?userId=" + user + "&limit=1").json().get(0).get("body").asText(), is("Newest"));
    }

    @Test
    void aLaterPageOfLettersIsReadFromTheIndexWithoutASort() {
        UUID user = UUID.randomUUID();
        seedLetters(user, 2000);
        for (int i = 0; i < 10; i++) {
            seedLetters(UUID.randomUUID(), 1000);
        }
        String plan = Pages.explainLaterPage(DB, "notifications", "user_id", user, 1000, 50);
        System.out.println("[notifications] EXPLAIN (ANALYZE, BUFFERS) of a later page of 2000 letters among 12000:\n" + plan);
        assertThat(plan, containsString("Index Scan using notifications_by_user_newest_first on notifications"));
        assertThat(plan, containsString("(ROW(created_at, id) < ROW("));
        assertThat(plan, not(containsString("Sort")));
    }

    @Test
    void badPagingInputIsABadRequestNamingTheParameter() {
        Pages.assertBadPagingRefused(http, "/notifications?userId=" + UUID.randomUUID());
    }

    @Test
    void anUnknownUserIsANotFoundProblem() {
        assertProblem(send(Map.of("userId", UUID.randomUUID(), "subject", "Hello", "body", "Hi")), 404, "not-found");
    }

    @Test
    void badInputIsAValidationProblemNamingTheFields() {
        TestHttp.Reply blank = send(Map.of("userId", USERS.register("bo@example.com"), "subject", " ", "body", "x"));
        assertProblem(blank, 400, "validation");
        assertThat(blank.json().get("errors").findValuesAsText("field"), hasItem("subject"));
        assertProblem(http.post("/notifications", "{\"userId\":\"nope\",\"subject\":\"s\",\"body\":\"b\"}"), 400,
                "validation");
        assertProblem(http.get("/notifications"), 400, "validation");
        assertProblem(http.get("/notifications?userId=42"), 400, "validation");
    }

    @Test
    void textTheDatabaseCannotStoreIsAValidationProblemAndStoresNothing() {
        UUID user = USERS.register("cy@example.com");
        for (String subject : List.of("a\\u0000b", "\\ud800x", "x\\udfff")) {
            TestHttp.Reply refused = http.post("/notifications",
                    "{\"userId\":\"" + user + "\",\"subject\":\"" + subject + "\",\"body\":\"b\"}");
            JsonNode problem = assertProblem(refused, 400, "validation");
            assertThat(problem.get("errors").get(0).get("field").asText(), is("subject"));
        }
        assertThat(letters(user).size(), is(0));
    }

    @Test
    void readyWithDatabaseAndConsumer() {
        TestHttp.Reply ready = http.get("/health/ready");
        assertThat(ready.toString(), ready.status(), is(200));
        assertThat(ready.text(), allOf(containsString("order-events-consumer"), containsString("database")));
    }

    @Test
    void liveWhileTheConsumerThreadRuns() {
        TestHttp.Reply live = http.get("/health/live");
        assertThat(live.toString(), live.status(), is(200));
        assertThat(live.text(), containsString("order-events-consumer-thread"));
    }

    @Test
    void servedOpenApiDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedEquals(target.getUri(), "notifications");
    }

    @Test
    void everyBodyTheDocumentDeclaresIsRefusedAsItSays() {
        OpenApiContract.assertDeclaredRefusalsAnswered(target.getUri());
    }

    private TestHttp.Reply send(Map<String, Object> message) {
        return http.post("/notifications", json(message));
    }

    /** The first page of {@code user}'s letters, newest first. */
    private JsonNode letters(UUID user) {
        TestHttp.Reply list = http.get("/notifications?userId=" + user);
        assertThat(list.toString(), list.status(), is(200));
        return list.json();
    }

    /** Messages of {@code user} written straight into the table; their ids newest first. */
    private static List<String> seedLetters(UUID user, int count) {
        return Pages.seed(DB, "notifications", "user_id", user, count, Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("email", "'seed@example.com'", "type", "'MESSAGE'", "subject", "'Seed'", "body", "'Seeded'"))
                .stream().map(UUID::toString).toList();
    }
}
