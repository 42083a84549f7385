package homework.arch.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.chaos.Databases;
import homework.arch.stack.fixtures.Folders;
import homework.arch.stack.fixtures.Newman;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static homework.arch.stack.fixtures.TestHttp.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

/**
 * Style 3 end to end: the whole stack in {@code event-collaboration}, started by the launcher's own
 * code, passes the same Postman collection as styles 1 and 2 (its steps wait for what is
 * asynchronous here), with a relay per outbox reading its own slot, and a saga that settles an
 * order through the events alone.
 */
class EventCollaborationStackIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static Stack stack;

    @BeforeAll
    static void start() {
        Path data = TARGET.resolve("it-stack-event-collaboration");
        Folders.delete(data);
        stack = Stack.on(new StackLayout(data, StackPorts.free()).withStyle(StackStyle.EVENT_COLLABORATION))
                .start(step -> System.out.println("[event-collaboration] starting " + step));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void thePostmanCollectionPassesInStyleThree() {
        Newman.Result newman = Newman.run("127.0.0.1:" + stack.ingressUri().getPort(),
                TARGET.resolve("newman-event-collaboration/report.html"),
                TARGET.resolve("newman-event-collaboration/newman.log"));

        assertThat("newman reported failed assertions (target/newman-event-collaboration/newman.log and report.html):\n"
                + newman.failures(), newman.exitCode(), is(0));
    }

    @Test
    void aRelayPerOutboxReadsItsOwnSlot() {
        assertThat(stack.relays().keySet(), containsInAnyOrder("debezium", "debezium-users", "debezium-billing"));
        Databases databases = new Databases(stack);
        List<Map<String, Object>> slots = databases.query("orders",
                "SELECT slot_name, database FROM pg_replication_slots WHERE active ORDER BY slot_name");
        assertThat(slots.stream().map(slot -> slot.get("slot_name") + "@" + slot.get("database")).toList(),
                is(List.of("debezium_outbox@orders", "debezium_outbox_billing@billing", "debezium_outbox_users@users")));
    }

    @Test
    void anOrderIsAcceptedPendingAndSettledByTheEventsAlone() throws InterruptedException {
        TestHttp http = new TestHttp(stack.ingressUri());
        UUID user = UUID.randomUUID();
        assertThat(http.post("/users", json(Map.of("id", user, "name", "Eve", "email", "eve@example.com"))).status(), is(201));
        TestHttp.Reply account = awaitStatus(http, "/billing/accounts/" + user, 200);
        assertThat("the account follows the registration, empty", account.json().get("balance").intValue(), is(0));
        assertThat(http.post("/billing/accounts/" + user + "/deposits", json(Map.of("amount", 10))).status(), is(200));
        UUID order = UUID.randomUUID();
        TestHttp.Reply placed = null;
        for (int attempt = 0; attempt < 120 && (placed == null || placed.status() == 404); attempt++) {
            placed = http.post("/orders", json(Map.of("id", order, "userId", user, "price", 4)));
            Thread.sleep(250);
        }
        assertThat(placed.toString(), placed.status(), is(202));
        assertThat(placed.json().get("status").asText(), is("PENDING"));
        for (int attempt = 0; attempt < 120 && "PENDING".equals(http.get("/orders/" + order).json().get("status").asText()); attempt++) {
            Thread.sleep(250);
        }
        assertThat(http.get("/orders/" + order).json().get("status").asText(), is("PAID"));
        assertThat(http.get("/billing/accounts/" + user).json().get("balance").intValue(), is(6));
    }

    private static TestHttp.Reply awaitStatus(TestHttp http, String path, int status) throws InterruptedException {
        TestHttp.Reply reply = http.get(path);
        for (int attempt = 0; attempt < 120 && reply.status() != status; attempt++) {
            Thread.sleep(250);
            reply = http.get(path);
        }
        assertThat(reply.toString(), reply.status(), is(status));
        return reply;
    }
}
