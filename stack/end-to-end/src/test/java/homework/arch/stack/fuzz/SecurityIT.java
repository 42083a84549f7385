package homework.arch.stack.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import homework.arch.stack.SharedStack;
import homework.arch.stack.Stack;
import homework.arch.stack.chaos.Databases;
import homework.arch.stack.fixtures.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasValue;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Security basics of the running stack: database roles, what the ingress routes, body size limits. */
@ExtendWith(SharedStack.class)
class SecurityIT {

    @Test
    void eachServiceRoleReachesOnlyItsOwnDatabaseAndHasNoPowers(Stack stack) throws Exception {
        Databases databases = new Databases(stack.layout().ports().postgres());
        Properties passwords = passwords(stack);
        for (String role : Databases.SERVICE_DATABASES) {
            for (String database : Databases.SERVICE_DATABASES) {
                if (role.equals(database)) {
                    try (Connection own = databases.connect(database, role, passwords.getProperty(role))) {
                        assertThat(scalar(own, "SELECT 1"), is(1L));
                    }
                } else {
                    assertThrows(SQLException.class, () -> databases.connect(database, role, passwords.getProperty(role)).close(),
                            role + " could connect to " + database);
                }
            }
            Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                    + " rolbypassrls FROM pg_roles WHERE rolname = '" + role + "'").getFirst();
            assertThat(role + " has powers it does not need: " + powers, powers, not(hasValue(true)));
        }
    }

    @Test
    void theRelayRoleCanOnlyReplicateTheOrdersOutbox(Stack stack) throws Exception {
        Databases databases = new Databases(stack.layout().ports().postgres());
        String password = passwords(stack).getProperty("relay");
        Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication"
                + " FROM pg_roles WHERE rolname = 'relay'").getFirst();
        assertThat(powers,
                is(Map.of("rolsuper", false, "rolcreaterole", false, "rolcreatedb", false, "rolreplication", true)));
        assertThat("the publication holds more than the outbox",
                databases.query("orders", "SELECT tablename FROM pg_publication_tables WHERE pubname = 'dbz_outbox'"),
                contains(Map.of("tablename", "outbox")));
        try (Connection orders = databases.connect("orders", "relay", password)) {
            scalar(orders, "SELECT count(*) FROM outbox");
            assertThrows(SQLException.class, () -> scalar(orders, "SELECT count(*) FROM orders"), "relay can read orders");
            assertThrows(SQLException.class, () -> execute(orders, "DELETE FROM outbox"), "relay can delete from the outbox");
        }
        for (String other : List.of("users", "billing", "notifications")) {
            assertThrows(SQLException.class, () -> databases.connect(other, "relay", password).close(), "relay reaches " + other);
        }
    }

    @Test
    void internalEndpointsAreServedByTheServicesButNotRoutedByTheIngress(Stack stack) {
        TestHttp ingress = new TestHttp(stack.ingressUri(), Duration.ofSeconds(10));
        // Each internal endpoint, with a body it would act on: the routed request must reach no service.
        Map<String, String> posts = Map.of(
                "/internal/billing/accounts", "{\"userId\":\"" + UUID.randomUUID() + "\"}",
                "/internal/notifications/parked-events/redrive", "{\"eventType\":\"OrderPaid\"}");
        Map<String, String> internal = Map.of("billing", "/internal/billing/accounts", "users", "/internal/users/" + UUID.randomUUID(),
                "notifications", "/internal/notifications/parked-events/redrive");
        internal.forEach((service, path) -> {
            TestHttp direct = new TestHttp(stack.services().get(service), Duration.ofSeconds(10));
            TestHttp.Reply served = posts.containsKey(path) ? direct.post(path, "{}", Map.of()) : direct.get(path);
            assertThat(service + " does not answer " + path, served.status(), is(not(0)));
            TestHttp.Reply routed = posts.containsKey(path) ? ingress.post(path, posts.get(path), Map.of()) : ingress.get(path);
            assertThat("the ingress routed " + path + ": " + routed, routed.status(), is(404));
            assertThat(routed.toString(), routed.contentType(), startsWith("application/problem+json"));
        });
    }

    @Test
    void bodiesOverTheLimitsAre413ProblemsOnEveryServiceAndOnTheIngress(Stack stack) throws IOException {
        String big = "{\"amount\":1" + " ".repeat(100_000) + "}";
        for (String service : Stack.SERVICES) {
            TestHttp direct = new TestHttp(stack.services().get(service), Duration.ofSeconds(10));
            TestHttp.Reply reply = direct.post("/" + service, big, Map.of());
            assertThat(service + ": " + reply, reply.status(), is(413));
            assertThat(service + ": " + reply, reply.contentType(), startsWith("application/problem+json"));
        }
        String head = rawHead(stack.ingressUri().getPort(), "POST /orders HTTP/1.1\r\nHost: arch.homework\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
        assertThat("the ingress took a 2 MB body: " + head, head, startsWith("HTTP/1.1 413"));
        assertThat(head, head.toLowerCase(), containsString("content-type: application/problem+json"));
    }

    private static String rawHead(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(400), StandardCharsets.ISO_8859_1);
        }
    }

    private static Properties passwords(Stack stack) throws IOException {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(stack.layout().secretsFile())) {
            passwords.load(in);
        }
        return passwords;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : -1;
        }
    }
}
