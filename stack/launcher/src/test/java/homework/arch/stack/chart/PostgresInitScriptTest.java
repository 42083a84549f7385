package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered init script of the postgres:17 container, run on a real PostgreSQL 17: one database
 * per service that only its role may enter, and a replication role that may enter orders only.
 * psql's {@code :'variable'} interpolation is done here; psql itself is not part of the test.
 */
class PostgresInitScriptTest {

    private static final List<String> DATABASES = List.of("users", "billing", "orders", "notifications");
    private static final Pattern PSQL_VARIABLE = Pattern.compile("-v (\\w+)=\"\\$(\\w+)\"");

    @TempDir
    static Path data;
    private static Postgres postgres;
    private static String script;

    @BeforeAll
    static void runTheInitScript() {
        script = Chart.render().named(ConfigMap.class, "arch-postgres-init").getData().get("10-databases.sh");
        String sql = script.substring(script.indexOf("<<'SQL'\n") + 8, script.lastIndexOf("SQL"));
        Matcher variables = PSQL_VARIABLE.matcher(script);
        Map<String, String> values = new LinkedHashMap<>();
        while (variables.find()) {
            values.put(variables.group(1), "pw-" + variables.group(1));
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            sql = sql.replace(":'" + v.getKey() + "'", "'" + v.getValue() + "'");
        }
        assertFalse(sql.contains(":'"), "a psql variable is not passed: " + sql);
        postgres = Postgres.start(data, Ports.free());
        Arrays.stream(sql.split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).forEach(postgres::execute);
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
        assertTrue(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname = 'relay' AND rolreplication"));
        assertFalse(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname IN ('users','billing','orders',"
                + "'notifications','relay') AND (rolsuper OR rolcreaterole OR rolcreatedb)"));
        assertFalse(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname IN ('users','billing','orders',"
                + "'notifications') AND rolreplication"));
        connect("orders", "relay").close();
        for (String other : List.of("users", "billing", "notifications", "postgres")) {
            assertThrows(SQLException.class, () -> connect(other, "relay").close(), "relay in " + other);
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
            assertTrue(var != null && var.getValueFrom().getSecretKeyRef() != null, variables.group(2));
        }
        assertEquals(5, count);
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, "pw-" + role + "_password");
    }
}
