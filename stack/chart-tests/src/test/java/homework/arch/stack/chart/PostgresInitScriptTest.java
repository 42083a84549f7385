package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import homework.arch.stack.fixtures.SqlScript;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered init script of the postgres container, run on a real PostgreSQL of the same version: one database
 * per service that only its role may enter, a replication role that may enter orders only, and the
 * relay's replication slot made before orders' migrations can write an outbox row. psql's
 * {@code --dbname} and {@code :'variable'} interpolation are done here; psql itself is not part of the test.
 */
class PostgresInitScriptTest {

    private static final List<String> DATABASES = List.of("users", "billing", "orders", "notifications");
    private static final Pattern PSQL_VARIABLE = Pattern.compile("-v (\\w+)=\"\\$(\\w+)\"");
    /** One psql run of the script: the database it connects to, and its here-document. */
    private static final Pattern PSQL_RUN = Pattern.compile("--dbname (\\w+).*?<<'SQL'\n(.*?)\n\\s*SQL\n",
            Pattern.DOTALL);

    @TempDir
    static Path data;
    private static Postgres postgres;
    private static String script;

    @BeforeAll
    static void runTheInitScript() {
        script = Chart.render().named(ConfigMap.class, "arch-postgres-init").getData().get("10-databases.sh");
        Matcher variables = PSQL_VARIABLE.matcher(script);
        Map<String, String> values = new LinkedHashMap<>();
        while (variables.find()) {
            values.put(variables.group(1), "pw-" + variables.group(1));
        }
        postgres = Postgres.start(data, Ports.free(), "pw-postgres");
        Matcher runs = PSQL_RUN.matcher(script);
        List<String> databases = new ArrayList<>();
        while (runs.find()) {
            String sql = SqlScript.withVariables(runs.group(2), values);
            assertThat("a psql variable is not passed: " + sql, sql, not(containsString(":'")));
            databases.add(runs.group(1));
            postgres.runScript(runs.group(1), sql);
        }
        assertThat(script, databases, contains("postgres", "orders"));
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachServiceEntersOnlyItsOwnDatabase() throws SQLException {
        for (String role : DATABASES) {
            for (String database : DATABASES) {
                if (role.equals(database)) {
                    try (Connection c = connect(database, role)) {
                        c.createStatement().execute("CREATE TABLE owned_by_me (id int)");
                    }
                } else {
                    assertThrows(SQLException.class, () -> connect(database, role).close(), role + " in " + database);
                }
            }
        }
    }

    @Test
    void theRelayMayReplicateAndEnterOrdersOnly() throws SQLException {
        assertThat(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname = 'relay' AND rolreplication"), is(true));
        assertThat(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname IN ('users','billing','orders',"
                + "'notifications','relay') AND (rolsuper OR rolcreaterole OR rolcreatedb)"), is(false));
        assertThat(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname IN ('users','billing','orders',"
                + "'notifications') AND rolreplication"), is(false));
        connect("orders", "relay").close();
        for (String other : List.of("users", "billing", "notifications", "postgres")) {
            assertThrows(SQLException.class, () -> connect(other, "relay").close(), "relay in " + other);
        }
    }

    /**
     * Before orders has run a migration, the slot the relay's configuration names already exists;
     * orders' own migrations then put the outbox into the publication as its owner, and the first
     * outbox row orders commits waits in the slot for a relay that has never run.
     */
    @Test
    void theRelaysSlotExistsBeforeOrdersCanWriteItsFirstOutboxRow() throws Exception {
        String slot = DebeziumServer.slotName();
        assertThat("no slot " + slot, postgres.exists("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + slot
                + "' AND database = 'orders' AND plugin = 'pgoutput' AND NOT active"), is(true));
        try (Connection orders = connect("orders", "orders"); Statement statement = orders.createStatement()) {
            for (Path migration : ordersMigrations()) {
                for (String sql : SqlScript.statements(Files.readString(migration))) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload) VALUES "
                    + "(gen_random_uuid(), 'order', 'o-1', 'OrderPaid', '{}')");
        }
        try (Connection orders = connect("orders", "relay"); Statement statement = orders.createStatement();
             ResultSet changes = statement.executeQuery("SELECT count(*) FROM pg_logical_slot_peek_binary_changes('"
                     + slot + "', NULL, NULL, 'proto_version', '1', 'publication_names', 'dbz_outbox') "
                     + "WHERE substr(data, 1, 1) = 'I'")) {
            changes.next();
            assertThat("the outbox insert, and nothing else, waits in the slot", changes.getInt(1), is(1));
        }
    }

    private static List<Path> ordersMigrations() throws IOException {
        try (Stream<Path> files = Files.list(RepoRoot.resolve("orders/src/main/resources/db/migration"))) {
            return files.sorted(Comparator.comparingInt(f -> Integer.parseInt(
                    f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")))).toList();
        }
    }

    @Test
    void everyPasswordTheScriptReadsComesFromTheContainersSecretEnvironment() {
        Map<String, EnvVar> env = ServiceConfigTest.env(Chart.render().container("arch-postgres"));
        Matcher variables = PSQL_VARIABLE.matcher(script);
        int count = 0;
        while (variables.find()) {
            count++;
            EnvVar var = env.get(variables.group(2));
            assertThat(variables.group(2), var, notNullValue());
            assertThat(variables.group(2), var.getValueFrom().getSecretKeyRef(), notNullValue());
        }
        assertThat(count, is(5));
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, "pw-" + role + "_password");
    }
}
