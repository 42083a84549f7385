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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                        assertEquals(1, scalar(own, "SELECT 1"));
                    }
                } else {
                    assertThrows(SQLException.class, () -> databases.connect(database, role, passwords.getProperty(role)).close(),
                            role + " could connect to " + database);
                }
            }
            Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                    + " rolbypassrls FROM pg_roles WHERE rolname = '" + role + "'").getFirst();
            assertFalse(powers.containsValue(true), role + " has powers it does not need: " + powers);
        }
    }

    @Test
    void theRelayRoleCanOnlyReplicateTheOrdersOutbox(Stack stack) throws Exception {
        Databases databases = new Databases(stack.layout().ports().postgres());
        String password = passwords(stack).getProperty("relay");
        Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication"
                + " FROM pg_roles WHERE rolname = 'relay'").getFirst();
        assertEquals(Map.of("rolsuper", false, "rolcreaterole", false, "rolcreatedb", false, "rolreplication", true), powers);
        assertEquals(List.of(Map.of("tablename", "outbox")), databases.query("orders",
                "SELECT tablename FROM pg_publication_tables WHERE pubname = 'dbz_outbox'"), "the publication holds more than the outbox");
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
        String body = "{\"userId\":\"" + UUID.randomUUID() + "\"}";
        Map<String, String> internal = Map.of("billing", "/internal/billing/accounts", "users", "/internal/users/" + UUID.randomUUID());
        internal.forEach((service, path) -> {
            TestHttp direct = new TestHttp(stack.services().get(service), Duration.ofSeconds(10));
            TestHttp.Reply served = path.contains("billing") ? direct.post(path, "{}", Map.of()) : direct.get(path);
            assertNotEquals(0, served.status(), service + " does not answer " + path);
            TestHttp.Reply routed = path.contains("billing") ? ingress.post(path, body, Map.of()) : ingress.get(path);
            assertEquals(404, routed.status(), "the ingress routed " + path + ": " + routed);
            assertTrue(routed.contentType().startsWith("application/problem+json"), routed.toString());
        });
    }

    @Test
    void bodiesOverTheLimitsAre413ProblemsOnEveryServiceAndOnTheIngress(Stack stack) throws IOException {
        String big = "{\"amount\":1" + " ".repeat(100_000) + "}";
        for (String service : Stack.SERVICES) {
            TestHttp direct = new TestHttp(stack.services().get(service), Duration.ofSeconds(10));
            TestHttp.Reply reply = direct.post("/" + service, big, Map.of());
            assertEquals(413, reply.status(), service + ": " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), service + ": " + reply);
        }
        String head = rawHead(stack.ingressUri().getPort(), "POST /orders HTTP/1.1\r\nHost: arch.homework\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 413"), "the ingress took a 2 MB body: " + head);
        assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
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
