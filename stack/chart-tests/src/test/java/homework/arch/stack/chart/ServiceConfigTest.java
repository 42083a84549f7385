package homework.arch.stack.chart;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every variable that docs/development.md says a component reads, and every variable the relay's
 * configuration file refers to, is set in the rendered containers, and points where it should.
 */
class ServiceConfigTest {

    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(:[^}]*)?}");

    @Test
    void everyDocumentedVariableIsSet() throws IOException {
        Map<String, Set<String>> documented = documentedVariables();
        assertEquals(Set.of("users", "billing", "orders", "notifications", "outbox-relay"), documented.keySet());
        for (Rendered rendered : List.of(Chart.render(), Chart.renderOverridden())) {
            List<Executable> checks = new ArrayList<>();
            documented.forEach((component, names) -> {
                Map<String, EnvVar> env = env(rendered.container("arch-" + component));
                for (String name : names) {
                    checks.add(() -> assertTrue(isSet(env.get(name)), component + " " + name));
                }
            });
            assertAll(checks);
        }
    }

    /**
     * The services' own configuration files hold local defaults (127.0.0.1, local ports) that are
     * wrong in a pod, and placeholders without a default: each must be overridden by its
     * environment variable (MicroProfile Config: users.url -> USERS_URL).
     */
    @Test
    void everyLocalOnlySettingOfAServiceIsOverridden() throws IOException {
        Rendered rendered = Chart.render();
        List<Executable> checks = new ArrayList<>();
        for (String service : WorkloadsTest.SERVICES) {
            Path file = RepoRoot.resolve(service + "/src/main/resources/META-INF/microprofile-config.properties");
            Properties config = new Properties();
            try (var in = Files.newInputStream(file)) {
                config.load(in);
            }
            Map<String, EnvVar> env = env(rendered.container("arch-" + service));
            Set<String> keys = new LinkedHashSet<>();
            config.stringPropertyNames().forEach(key -> {
                String value = config.getProperty(key);
                if (value.contains("127.0.0.1") || value.contains("localhost") || key.startsWith("server.")) {
                    keys.add(key);
                }
                Matcher placeholders = PLACEHOLDER.matcher(value);
                while (placeholders.find()) {
                    if (placeholders.group(2) == null && !config.containsKey(placeholders.group(1))) {
                        keys.add(placeholders.group(1));
                    }
                }
            });
            for (String key : keys) {
                if (key.contains("/mp-rest/")) {
                    continue; // REST client URLs read their own *.url key, checked as that key
                }
                String name = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                checks.add(() -> assertTrue(isSet(env.get(name)), service + ": " + key + " needs " + name));
            }
        }
        assertAll(checks);
    }

    @Test
    void everyVariableTheRelayConfigurationUsesIsSet() throws IOException {
        String config = Files.readString(RepoRoot.resolve("outbox-relay/application.properties"));
        Matcher placeholders = PLACEHOLDER.matcher(config);
        Map<String, EnvVar> env = env(Chart.render().container("arch-outbox-relay"));
        Set<String> used = new LinkedHashSet<>();
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        assertFalse(used.isEmpty(), "the relay configuration reads no variable?");
        // Local defaults (127.0.0.1, local ports) are wrong in a pod: all must be set, defaults or not.
        assertAll(used.stream().map(name -> () -> assertTrue(isSet(env.get(name)), "relay " + name)));
        assertEquals("0.0.0.0", env.get("DEBEZIUM_HTTP_HOST").getValue());
        assertEquals("8080", env.get("DEBEZIUM_HTTP_PORT").getValue());
        assertEquals("/debezium/data", env.get("DEBEZIUM_DATA_DIR").getValue());
    }

    @Test
    void variablesPointAtTheRightPlaces() {
        Rendered rendered = Chart.render();
        String postgres = rendered.named(Service.class, "arch-postgres").getMetadata().getName();
        for (String service : WorkloadsTest.SERVICES) {
            Map<String, EnvVar> env = env(rendered.container("arch-" + service));
            assertEquals("jdbc:postgresql://" + postgres + ":5432/" + service, env.get("DB_URL").getValue());
            assertEquals(service, env.get("DB_USER").getValue());
            assertEquals("0.0.0.0", env.get("SERVER_HOST").getValue());
            assertEquals("8080", env.get("SERVER_PORT").getValue());
        }
        String billing = "http://" + rendered.named(Service.class, "arch-billing").getMetadata().getName();
        assertEquals(billing, env(rendered.container("arch-users")).get("BILLING_URL").getValue());
        assertEquals(billing, env(rendered.container("arch-orders")).get("BILLING_URL").getValue());
        assertEquals("http://arch-users", env(rendered.container("arch-orders")).get("USERS_URL").getValue());
        assertEquals(80, rendered.named(Service.class, "arch-billing").getSpec().getPorts().getFirst().getPort());

        Map<String, EnvVar> notifications = env(rendered.container("arch-notifications"));
        Map<String, EnvVar> relay = env(rendered.container("arch-outbox-relay"));
        assertEquals("arch-kafka:9092", notifications.get("KAFKA_BOOTSTRAP_SERVERS").getValue());
        assertEquals("arch-kafka:9092", relay.get("KAFKA_BOOTSTRAP_SERVERS").getValue());
        assertEquals(9092, rendered.named(Service.class, "arch-kafka").getSpec().getPorts().getFirst().getPort());
        assertEquals("order.events", notifications.get("ORDER_EVENTS_TOPIC").getValue());
        assertEquals(postgres, relay.get("ORDERS_DB_HOST").getValue());
        assertEquals("orders", relay.get("ORDERS_DB_NAME").getValue());
        assertEquals("relay", relay.get("RELAY_DB_USER").getValue());
    }

    @Test
    void theTopicIsCreatedBeforeItsProducerAndConsumerStart() {
        Rendered rendered = Chart.renderOverridden();
        for (String workload : List.of("arch-notifications", "arch-outbox-relay")) {
            Container init = rendered.podTemplates().get(workload).getSpec().getInitContainers().stream()
                    .filter(c -> c.getName().equals("create-topic")).findFirst().orElseThrow();
            Map<String, EnvVar> env = env(init);
            assertEquals("order.events", env.get("TOPIC").getValue(), workload);
            assertEquals("6", env.get("PARTITIONS").getValue(), workload);
            assertTrue(String.join(" ", init.getArgs()).contains("--create --if-not-exists"), workload);
        }
    }

    @Test
    void kafkaAdvertisesTheAddressClientsReachItBy() {
        Rendered rendered = Chart.render();
        String properties = rendered.named(io.fabric8.kubernetes.api.model.ConfigMap.class, "arch-kafka")
                .getData().get("server.properties");
        assertTrue(properties.contains("advertised.listeners=PLAINTEXT://arch-kafka." + Chart.NAMESPACE + ".svc:9092"),
                properties);
        assertTrue(properties.contains("process.roles=broker,controller"), properties);
    }

    /** The configuration table of docs/development.md: component -> variable names. */
    static Map<String, Set<String>> documentedVariables() throws IOException {
        String docs = Files.readString(RepoRoot.resolve("docs/development.md"));
        String section = docs.substring(docs.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Map<String, Set<String>> variables = new LinkedHashMap<>();
        for (String line : section.lines().filter(l -> l.startsWith("| ") && l.contains("`")).toList()) {
            String[] cells = line.split("\\|");
            String who = cells[1].trim();
            List<String> components = who.equals("all four") ? WorkloadsTest.SERVICES : List.of(who);
            Matcher names = BACKTICKED.matcher(cells[2]);
            while (names.find()) {
                String name = names.group(1);
                components.forEach(c -> variables.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(name));
            }
        }
        return variables;
    }

    static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static boolean isSet(EnvVar var) {
        return var != null && ((var.getValue() != null && !var.getValue().isBlank()) || var.getValueFrom() != null);
    }
}
