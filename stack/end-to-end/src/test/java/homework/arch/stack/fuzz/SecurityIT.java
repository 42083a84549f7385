package homework.arch.stack.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import homework.arch.stack.SharedStack;
import homework.arch.stack.Stack;
import homework.arch.stack.chaos.Databases;
import homework.arch.stack.fixtures.DatabaseLogin;
import homework.arch.stack.fixtures.Postgres;
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

    /** SQLSTATE {@code insufficient_privilege}: here, no CONNECT right on the database. */
    private static final String NO_CONNECT_RIGHT = "42501";
    /** SQLSTATE {@code invalid_password}. */
    private static final String WRONG_PASSWORD = "28P01";

    /**
     * The stack's PostgreSQL asks every role for its password ({@code scram-sha-256}), as the chart's
     * does: users' role, with its own password, is turned away from billing's database for want of
     * the right to connect; with a wrong password it is turned away before any database is
     * considered; with its password, to its database, it enters. The superuser is asked too.
     */
    @Test
    void aServiceRoleEntersOnlyItsOwnDatabaseAndOnlyWithItsPassword(Stack stack) throws Exception {
        DatabaseLogin users = stack.databaseLogin("users");
        DatabaseLogin wrongPassword = users.withPassword("not-" + users.password());

        SQLException otherDatabase = assertThrows(SQLException.class, () -> users.connect("billing").close(),
                "users entered billing's database");
        assertThat(otherDatabase.getMessage(), otherDatabase.getSQLState(), is(NO_CONNECT_RIGHT));
        assertThat(otherDatabase.getMessage(), containsString("permission denied for database \"billing\""));
        for (String database : List.of("users", "billing")) {
            SQLException refused = assertThrows(SQLException.class, () -> wrongPassword.connect(database).close(),
                    "users entered " + database + " with a wrong password");
            assertThat(refused.getMessage(), refused.getSQLState(), is(WRONG_PASSWORD));
            assertThat(refused.getMessage(), containsString("password authentication failed for user \"users\""));
        }
        DatabaseLogin superuser = stack.databaseLogin(Postgres.SUPERUSER);
        SQLException superuserRefused = assertThrows(SQLException.class,
                () -> superuser.withPassword("not-" + superuser.password()).connect("postgres").close(),
                "the superuser entered with a wrong password");
        assertThat(superuserRefused.getMessage(), superuserRefused.getSQLState(), is(WRONG_PASSWORD));

        try (Connection own = users.connect("users"); Statement statement = own.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, current_database()")) {
            row.next();
            assertThat(List.of(row.getString(1), row.getString(2)), contains("users", "users"));
        }
        assertThat("a rule of pg_hba.conf that does not ask for scram-sha-256",
                new Databases(stack).query("postgres", "SELECT DISTINCT auth_method FROM pg_hba_file_rules"),
                contains(Map.of("auth_method", "scram-sha-256")));
    }

    @Test
    void eachServiceRoleReachesOnlyItsOwnDatabaseAndHasNoPowers(Stack stack) throws Exception {
        Databases databases = new Databases(stack);
        for (String role : Databases.SERVICE_DATABASES) {
            DatabaseLogin login = stack.databaseLogin(role);
            for (String database : Databases.SERVICE_DATABASES) {
                if (role.equals(database)) {
                    try (Connection own = login.connect(database)) {
                        assertThat(scalar(own, "SELECT 1"), is(1L));
                    }
                } else {
                    SQLException refused = assertThrows(SQLException.class, () -> login.connect(database).close(),
                            role + " could connect to " + database);
                    assertThat(refused.getMessage(), refused.getSQLState(), is(NO_CONNECT_RIGHT));
                }
            }
            Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                    + " rolbypassrls FROM pg_roles WHERE rolname = '" + role + "'").getFirst();
            assertThat(role + " has powers it does not need: " + powers, powers, not(hasValue(true)));
        }
    }

    @Test
    void theRelayRoleCanOnlyReplicateTheOrdersOutbox(Stack stack) throws Exception {
        Databases databases = new Databases(stack);
        DatabaseLogin relay = stack.databaseLogin("relay");
        Map<String, Object> powers = databases.query("postgres", "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication"
                + " FROM pg_roles WHERE rolname = 'relay'").getFirst();
        assertThat(powers,
                is(Map.of("rolsuper", false, "rolcreaterole", false, "rolcreatedb", false, "rolreplication", true)));
        assertThat("the publication holds more than the outbox",
                databases.query("orders", "SELECT tablename FROM pg_publication_tables WHERE pubname = 'dbz_outbox'"),
                contains(Map.of("tablename", "outbox")));
        try (Connection orders = relay.connect("orders")) {
            scalar(orders, "SELECT count(*) FROM outbox");
            assertThrows(SQLException.class, () -> scalar(orders, "SELECT count(*) FROM orders"), "relay can read orders");
            assertThrows(SQLException.class, () -> execute(orders, "DELETE FROM outbox"), "relay can delete from the outbox");
        }
        for (String other : List.of("users", "billing", "notifications")) {
            SQLException refused = assertThrows(SQLException.class, () -> relay.connect(other).close(), "relay reaches " + other);
            assertThat(refused.getMessage(), refused.getSQLState(), is(NO_CONNECT_RIGHT));
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
