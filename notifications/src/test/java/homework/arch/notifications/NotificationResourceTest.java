package homework.arch.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import homework.arch.platform.json.JsonMapperProvider;
import homework.arch.stack.fixtures.OpenApiContract;
import homework.arch.stack.fixtures.TestDatabase;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP contract of notifications (API.md), against a real PostgreSQL, Kafka and a users stand-in. */
@HelidonTest
class NotificationResourceTest {

    private static final UsersStub USERS = new UsersStub();

    @Inject
    WebTarget target;

    @AddConfigSource
    static ConfigSource config() {
        Map<String, String> settings = new HashMap<>(TestDatabase.forService("notifications"));
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
        UUID user = USERS.user("ann@example.com");
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
    void anUnknownUserIsANotFoundProblem() throws Exception {
        Response response = send(Map.of("userId", UUID.randomUUID(), "subject", "Hello", "body", "Hi"));
        assertEquals(404, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertTrue(json(response.readEntity(String.class)).get("type").asText().endsWith("not-found"));
    }

    @Test
    void badInputIsAValidationProblemNamingTheFields() throws Exception {
        Response blank = send(Map.of("userId", USERS.user("bo@example.com"), "subject", " ", "body", "x"));
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
        UUID user = USERS.user("cy@example.com");
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

    private static JsonNode json(String text) throws Exception {
        return JsonMapperProvider.mapper().readTree(text);
    }
}
