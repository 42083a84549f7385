package homework.arch.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.Pages;
import homework.arch.stack.fixtures.TestDatabase;
import homework.arch.stack.fixtures.TestHttp;
import homework.arch.stack.fixtures.UsersStub;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract of notifications (API.md), against a real PostgreSQL, Kafka and a users stand-in. */
@HelidonTest
class NotificationResourceTest {

    private static final UsersStub USERS = new UsersStub();
    private static final Map<String, String> DB = TestDatabase.forService("notifications");

    @Inject
    WebTarget target;

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

    @Test
    void aMessageGoesToTheRegisteredEmailAndListsNewestFirst() throws Exception {
        UUID user = USERS.register("ann@example.com");
        Response first = send(Map.of("userId", user, "subject", "Hello", "body", "First"));
        assertEquals(201, first.getStatus());
        JsonNode created = json(first.readEntity(String.class));
        assertEquals("MESSAGE", created.get("type").asText());
        assertEquals("ann@example.com", created.get("email").asText());
        assertEquals(user.toString(), created.get("userId").asText());
        assertTrue(created.get("createdAt").isTextual());
        assertEquals(201, send(Map.of("userId", user, "subject", "Again", "body", "Second")).getStatus());

        JsonNode list = json(target.path("/notifications").queryParam("userId", user).request().get(String.class));
        assertEquals(2, list.size());
        assertEquals(List.of("Second", "First"), List.of(list.get(0).get("body").asText(), list.get(1).get("body").asText()));
        assertEquals(0, json(target.path("/notifications").queryParam("userId", UUID.randomUUID()).request()
                .get(String.class)).size());
    }

    @Test
    void aUsersThousandOfLettersAreReadToTheEndThroughTheNextLinksEachOnceNewestFirst() throws Exception {
        UUID user = USERS.register("many@example.com");
        List<String> seeded = seedLetters(user, 1200);
        seedLetters(UUID.randomUUID(), 100);
        TestHttp http = new TestHttp(target.getUri());
        assertEquals(seeded, ids(Pages.walk(http, "/notifications?userId=" + user + "&limit=101", 101)));

        TestHttp.Reply first = http.get("/notifications?userId=" + user);
        assertEquals(seeded.subList(0, 50), ids(first.json()));
        // A letter sent meanwhile is the newest: on no later page of the walk that already began.
        assertEquals(201, send(Map.of("userId", user, "subject", "New", "body", "Newest")).getStatus());
        List<String> rest = ids(Pages.walk(http, first.nextLink().orElseThrow(), 50));
        assertEquals(seeded.subList(50, seeded.size()), rest);
        assertEquals("Newest", json(http.get("/notifications?userId=" + user + "&limit=1").text()).get(0).get("body").asText());
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
        assertTrue(plan.contains("Index Scan using notifications_by_user_newest_first on notifications"), plan);
        assertTrue(plan.contains("(ROW(created_at, id) < ROW("), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void badPagingInputIsABadRequestNamingTheParameter() {
        Pages.assertBadPagingRefused(new TestHttp(target.getUri()), "/notifications?userId=" + UUID.randomUUID());
    }

    @Test
    void anUnknownUserIsANotFoundProblem() throws Exception {
        Response response = send(Map.of("userId", UUID.randomUUID(), "subject", "Hello", "body", "Hi"));
        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertTrue(json(response.readEntity(String.class)).get("type").asText().endsWith("not-found"));
    }

    @Test
    void badInputIsAValidationProblemNamingTheFields() throws Exception {
        Response blank = send(Map.of("userId", USERS.register("bo@example.com"), "subject", " ", "body", "x"));
        assertEquals(400, blank.getStatus());
        assertTrue(blank.readEntity(String.class).contains("subject"));
        Response notUuid = target.path("/notifications").request()
                .post(Entity.entity("{\"userId\":\"nope\",\"subject\":\"s\",\"body\":\"b\"}", MediaType.APPLICATION_JSON));
        assertEquals(400, notUuid.getStatus());
        assertEquals(400, target.path("/notifications").request().get().getStatus());
        assertEquals(400, target.path("/notifications").queryParam("userId", "42").request().get().getStatus());
    }

    @Test
    void textTheDatabaseCannotStoreIsAValidationProblemAndStoresNothing() throws Exception {
        UUID user = USERS.register("cy@example.com");
        for (String subject : List.of("a\\u0000b", "\\ud800x", "x\\udfff")) {
            Response refused = target.path("/notifications").request().post(Entity.entity(
                    "{\"userId\":\"" + user + "\",\"subject\":\"" + subject + "\",\"body\":\"b\"}",
                    MediaType.APPLICATION_JSON));
            assertEquals(400, refused.getStatus());
            assertEquals("application/problem+json", refused.getMediaType().toString());
            assertEquals("subject", json(refused.readEntity(String.class)).get("errors").get(0).get("field").asText());
        }
        assertEquals(0, json(target.path("/notifications").queryParam("userId", user).request().get(String.class)).size());
    }

    @Test
    void readyWithDatabaseAndConsumer() throws Exception {
        Response ready = target.path("/health/ready").request().get();
        String body = ready.readEntity(String.class);
        assertEquals(200, ready.getStatus(), body);
        assertTrue(body.contains("order-events-consumer") && body.contains("database"), body);
    }

    @Test
    void liveWhileTheConsumerThreadRuns() {
        Response live = target.path("/health/live").request().get();
        String body = live.readEntity(String.class);
        assertEquals(200, live.getStatus(), body);
        assertTrue(body.contains("order-events-consumer-thread"), body);
    }

    @Test
    void servedOpenApiDocumentIsTheCommittedOne() {
        OpenApiContract.assertServedEquals(target.getUri(), "notifications");
    }

    private Response send(Map<String, Object> body) {
        return target.path("/notifications").request().post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    /** Messages of {@code user} written straight into the table; their ids newest first. */
    private static List<String> seedLetters(UUID user, int count) {
        return Pages.seed(DB, "notifications", "user_id", user, count, Instant.parse("2026-01-01T00:00:00Z"),
                Map.of("email", "'seed@example.com'", "type", "'MESSAGE'", "subject", "'Seed'", "body", "'Seeded'"))
                .stream().map(UUID::toString).toList();
    }

    private static List<String> ids(Iterable<JsonNode> letters) {
        List<String> ids = new ArrayList<>();
        letters.forEach(letter -> ids.add(letter.get("id").asText()));
        return ids;
    }

    private static JsonNode json(String text) throws Exception {
        return JsonMapperProvider.mapper().readTree(text);
    }
}
