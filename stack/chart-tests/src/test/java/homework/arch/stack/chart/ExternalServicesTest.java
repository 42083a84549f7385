package homework.arch.stack.chart;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import homework.arch.stack.fixtures.DebeziumServer;
import homework.arch.stack.fixtures.Ports;
import homework.arch.stack.fixtures.Postgres;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code postgres.enabled=false} and {@code kafka.enabled=false}: the release runs on a PostgreSQL
 * and a Kafka the user operates. Nothing of the bundled ones is installed, every connection goes to
 * the given addresses with the given TLS mode and the user's Secret of passwords, the topic gets the
 * replication the values ask for, and the setup Job's script, run with real psql on a real
 * PostgreSQL, makes what the services and the relay need, again and again.
 */
class ExternalServicesTest {

    private static final Map<String, Object> EXTERNAL = Map.of(
            "postgres.enabled", false,
            "postgres.external.host", "arch-db-rw.databases",
            "postgres.external.port", 6543,
            "postgres.external.sslMode", "verify-full",
            "postgres.external.rolesSecret", "arch-roles",
            "postgres.external.adminSecret", "arch-db-superuser",
            "kafka.enabled", false,
            "kafka.external.bootstrapServers", "events-kafka-bootstrap.kafka:9092",
            "kafka.replicationFactor", 3,
            "kafka.minInsyncReplicas", 2);

    @TempDir
    Path data;

    @Test
    void nothingOfTheBundledPostgresOrKafkaIsInstalled() {
        Rendered rendered = Chart.render(EXTERNAL);
        List<String> names = rendered.objects().stream().map(HasMetadata::getMetadata).map(m -> m.getName()).toList();
        assertThat(names, not(hasItem("arch-postgres")));
        assertThat(names, not(hasItem("arch-kafka")));
        assertThat(rendered.all(StatefulSet.class), is(empty()));
        assertThat("the passwords are the user's", rendered.all(Secret.class), is(empty()));
        assertThat(rendered.all(NetworkPolicy.class).stream().map(p -> p.getMetadata().getName()).toList(),
                not(hasItem("arch-postgres")));
    }

    @Test
    void everyConnectionGoesToTheGivenAddressesWithTheUsersPasswords() {
        Rendered rendered = Chart.render(EXTERNAL);
        for (String service : List.of("users", "billing", "orders", "notifications")) {
            Container container = rendered.container("arch-" + service);
            assertThat(value(container, "DB_URL"), is("jdbc:postgresql://arch-db-rw.databases:6543/" + service
                    + "?sslmode=verify-full"));
            EnvVar password = env(container, "DB_PASSWORD");
            assertThat(password.getValueFrom().getSecretKeyRef().getName(), is("arch-roles"));
            assertThat(password.getValueFrom().getSecretKeyRef().getKey(), is(service + "-password"));
        }
        Container relay = rendered.container("arch-outbox-relay");
        assertThat(value(relay, "ORDERS_DB_HOST"), is("arch-db-rw.databases"));
        assertThat(value(relay, "ORDERS_DB_PORT"), is("6543"));
        assertThat(value(relay, "ORDERS_DB_SSL_MODE"), is("verify-full"));
        assertThat(value(relay, "KAFKA_BOOTSTRAP_SERVERS"), is("events-kafka-bootstrap.kafka:9092"));
        assertThat(value(rendered.container("arch-notifications"), "KAFKA_BOOTSTRAP_SERVERS"),
                is("events-kafka-bootstrap.kafka:9092"));
    }

    @Test
    void theTopicIsMadeWithTheReplicationTheValuesAskFor() {
        for (var pod : Chart.render(EXTERNAL).podTemplates().values()) {
            for (Container init : pod.getSpec().getInitContainers()) {
                assertThat(value(init, "KAFKA_BOOTSTRAP_SERVERS"), is("events-kafka-bootstrap.kafka:9092"));
                assertThat(value(init, "REPLICATION_FACTOR"), is("3"));
                assertThat(value(init, "MIN_INSYNC_REPLICAS"), is("2"));
                assertThat(init.getArgs().getFirst(), containsString("--config min.insync.replicas=\"$MIN_INSYNC_REPLICAS\""));
            }
        }
        Container bundled = Chart.render().podTemplates().get("arch-notifications").getSpec().getInitContainers().getFirst();
        assertThat(value(bundled, "REPLICATION_FACTOR"), is("1"));
        assertThat(value(bundled, "MIN_INSYNC_REPLICAS"), is("1"));
    }

    @Test
    void theSetupJobRunsBeforeTheReleaseWithTheAdminSecret() throws IOException {
        String template = Files.readString(RepoRoot.resolve("helm/templates/postgres-setup.yaml"));
        assertThat(template.split("helm.sh/hook: pre-install,pre-upgrade", -1).length - 1, is(2));
        assertThat(template, containsString("helm.sh/hook-weight: \"-1\""));
        Rendered rendered = hooksAsResources(EXTERNAL);
        Job job = rendered.named(Job.class, "arch-postgres-setup");
        Container setup = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(value(setup, "PGHOST"), is("arch-db-rw.databases"));
        assertThat(env(setup, "PGUSER").getValueFrom().getSecretKeyRef().getName(), is("arch-db-superuser"));
        assertThat(env(setup, "RELAY_PASSWORD").getValueFrom().getSecretKeyRef().getName(), is("arch-roles"));
        assertThat("none with the bundled PostgreSQL", hooksAsResources(Map.of()).all(Job.class), is(empty()));
    }

    @Test
    void withoutAHostOrTheSecretsTheInstallIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Chart.render(Map.of("postgres.enabled", false)));
        assertThat(refused.getMessage(), containsString("external"));
        assertThrows(IllegalStateException.class, () -> Chart.render(Map.of("kafka.enabled", false)));
    }

    @Test
    void theSetupScriptMakesWhatTheReleaseNeedsAndCanRunAgain() throws Exception {
        try (Postgres postgres = Postgres.start(data.resolve("pg"), Ports.free(), "admin-pw")) {
            Map<String, String> passwords = new HashMap<>();
            for (String role : List.of("users", "billing", "orders", "notifications", "relay")) {
                passwords.put(role.toUpperCase() + "_PASSWORD", "first-" + role);
            }
            assertThat(runSetup(EXTERNAL, postgres, "admin-pw", passwords).exitCode(), is(0));
            passwords.put("ORDERS_PASSWORD", "second-orders");
            Run again = runSetup(EXTERNAL, postgres, "admin-pw", passwords);
            assertThat(again.output(), again.exitCode(), is(0));
            connect(postgres, "orders", "orders", "second-orders").close();
            connect(postgres, "orders", "relay", "first-relay").close();
            connect(postgres, "notifications", "notifications", "first-notifications").close();
            assertThrows(SQLException.class, () -> connect(postgres, "orders", "users", "first-users").close());
            assertThat(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname = 'relay' AND rolreplication"), is(true));
            assertThat(postgres.exists("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + DebeziumServer.slotName()
                    + "' AND database = 'orders'"), is(true));
        }
    }

    @Test
    void aServerWithoutLogicalDecodingIsRefusedByName() throws Exception {
        try (Postgres postgres = Postgres.start(data.resolve("pg"), Ports.free(), "admin-pw", Map.of("wal_level", "replica"))) {
            Run refused = runSetup(EXTERNAL, postgres, "admin-pw", Map.of());
            assertThat(refused.exitCode(), not(is(0)));
            assertThat(refused.output(), containsString("wal_level=replica; the outbox relay needs wal_level=logical"));
            assertThat(postgres.exists("SELECT 1 FROM pg_roles WHERE rolname = 'orders'"), is(false));
        }
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * The render with the setup's hooks as plain resources: the render the tests read is the
     * release's manifest, which holds no hook. A copy of the chart without the hook annotations.
     */
    private Rendered hooksAsResources(Map<String, Object> values) throws IOException {
        Path chart = Chart.copy(Files.createDirectories(data.resolve("chart-" + values.hashCode())));
        Path setup = chart.resolve("templates/postgres-setup.yaml");
        Files.writeString(setup, Files.readString(setup).replaceAll("(?m)^\\s*helm\\.sh/hook.*\n", ""));
        return Chart.render(chart, values);
    }

    /** The rendered setup.sh, run by bash with real psql as the Job runs it. */
    private Run runSetup(Map<String, Object> values, Postgres postgres, String adminPassword, Map<String, String> passwords)
            throws IOException, InterruptedException {
        Path script = data.resolve("setup.sh");
        Files.writeString(script, hooksAsResources(values).named(ConfigMap.class, "arch-postgres-setup").getData().get("setup.sh"));
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(postgres.port()),
                "PGUSER", Postgres.SUPERUSER, "PGPASSWORD", adminPassword, "PGSSLMODE", "disable"));
        builder.environment().putAll(passwords);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static Connection connect(Postgres postgres, String database, String role, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database, role, password);
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(container.getName() + " has no " + name));
    }

    private static String value(Container container, String name) {
        return env(container, name).getValue();
    }
}
